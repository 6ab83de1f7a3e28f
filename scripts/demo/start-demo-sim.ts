import { startSim, type Sim } from '../../test/sim/server';

/** The sandbox with the `demo` scenario on the demo's usual port, or any free one when it is taken. */
export async function startDemoSim(port: number): Promise<Sim> {
  try {
    return await startSim({ port, scenario: 'demo' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    console.log(`Port ${port} is taken; using a free port instead.`);
    return startSim({ port: 0, scenario: 'demo' });
  }
}
