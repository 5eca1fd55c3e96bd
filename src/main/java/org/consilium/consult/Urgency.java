package org.consilium.consult;

/** How soon the requesting hospital needs an answer. GREEN_CHANNEL is 绿色通道: ahead of everything else. */
public enum Urgency {
    ROUTINE, URGENT, GREEN_CHANNEL
}
