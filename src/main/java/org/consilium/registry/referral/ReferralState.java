package org.consilium.registry.referral;

/** requested → accepted (appointment or bed) or declined (reason) → arrived → completed. */
public enum ReferralState {
    REQUESTED, ACCEPTED, DECLINED, ARRIVED, COMPLETED
}
