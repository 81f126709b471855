// A mistake in how bakeoff was called (a bad option value, no terminal for the app): exit code 2, not 1.
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
