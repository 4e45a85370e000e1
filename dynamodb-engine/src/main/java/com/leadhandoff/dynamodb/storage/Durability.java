package com.leadhandoff.dynamodb.storage;

/**
 * What an acknowledged write must survive. The difference is one {@code fsync} per commit, which is
 * why it is a choice and not simply always the safest.
 */
public enum Durability {
  /**
   * Survives the process dying ({@code kill -9}, an OOM kill, a JVM crash) but not the machine: in
   * WAL mode with {@code synchronous=NORMAL} a commit hands its pages to the operating system,
   * which writes them out even after the process is gone; only a power cut or kernel panic can lose
   * the last commits (the database stays consistent, it just ends at an earlier commit).
   */
  PROCESS_CRASH,

  /**
   * Also survives a power cut or an operating-system crash: {@code synchronous=FULL} syncs the
   * write-ahead log to the disk before each commit returns. Group commit shares that sync among
   * every write in the batch.
   */
  POWER_LOSS
}
