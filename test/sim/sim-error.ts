/** An error the API answers with its status and a contract error body. */
export class SimHttpError extends Error {
  constructor(
    readonly status: number,
    readonly errors: string | Record<string, string[]>,
  ) {
    super(typeof errors === 'string' ? errors : JSON.stringify(errors));
  }
}
