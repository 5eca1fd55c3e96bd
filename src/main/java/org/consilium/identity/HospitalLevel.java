package org.consilium.identity;

/** Provincial hospitals run the boards; county hospitals refer patients to them. */
public enum HospitalLevel {
    PROVINCIAL, COUNTY
}
