import { useCallback, useState } from 'react';
import { sendMessage } from '../../utils/message-client';
import type { Replies } from '../../utils/messaging';

export type ConnectionResult = Replies['connection.test'];

export interface ConnectionTest {
  result: ConnectionResult | null;
  error: string | null;
  testing: boolean;
  /** When the last test finished. */
  testedAt: number | null;
  run: () => Promise<void>;
}

/** Asks the background who the saved connection signs in as and which companies it sees. */
export function useConnectionTest(): ConnectionTest {
  const [result, setResult] = useState<ConnectionResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [testing, setTesting] = useState(false);
  const [testedAt, setTestedAt] = useState<number | null>(null);
  const run = useCallback(async () => {
    setTesting(true);
    setError(null);
    try {
      setResult(await sendMessage('connection.test', {}));
    } catch (reason) {
      setResult(null);
      setError(reason instanceof Error ? reason.message : String(reason));
    } finally {
      setTesting(false);
      setTestedAt(Date.now());
    }
  }, []);
  return { result, error, testing, testedAt, run };
}
