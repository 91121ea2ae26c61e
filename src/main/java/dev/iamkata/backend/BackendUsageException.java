package dev.iamkata.backend;

/**
 * The backend options do not fit together ({@code --endpoint} with the embedded backend, an unknown
 * backend name, a malformed key): a usage error, exit code 2, rather than a backend that failed.
 */
public final class BackendUsageException extends BackendException {
  private static final long serialVersionUID = 1L;

  public BackendUsageException(String message) {
    super(message);
  }
}
