package org.consilium.registry.statistics;

/** One part of the dashboard (screening, reports, consults, radiotherapy, referrals, follow-up). */
interface Section {

    /** The name the dashboard's {@code sections} parameter uses; also the prefix of its figures' keys. */
    String name();

    void add(Window window, Sheet out);
}
