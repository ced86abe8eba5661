package org.trialmeta.check;

/** How much a finding matters: an ERROR means a reported figure cannot be right as stated. */
public enum Severity { ERROR, WARNING, INFO }
