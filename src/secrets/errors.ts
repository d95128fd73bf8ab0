import { AppError, EXIT, type AppErrorOptions } from '../errors.js';

/** The keychain or the key file could not be used. Messages never carry a key. */
export class SecretsError extends AppError {
  constructor(code: string, message: string, options: AppErrorOptions = {}) {
    super(code, message, EXIT.failure, options);
  }
}
