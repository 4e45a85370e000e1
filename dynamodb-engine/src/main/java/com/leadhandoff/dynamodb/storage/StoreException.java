package com.leadhandoff.dynamodb.storage;

/**
 * A store could not do what was asked: the folder is in use, the disk is full, the file is not a
 * database. Unchecked, since the engine can do nothing but report it (as an HTTP 500).
 */
public final class StoreException extends RuntimeException {

  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
