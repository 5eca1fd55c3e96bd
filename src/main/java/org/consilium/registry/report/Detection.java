package org.consilium.registry.report;

/** How the tumor was found: screening (筛查), outpatient (门诊), inpatient (住院) or otherwise. */
public enum Detection {
    SCREENING, OUTPATIENT, INPATIENT, OTHER
}
