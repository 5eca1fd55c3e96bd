package org.consilium.registry.referral;

/** What the receiving hospital does with a referral, and the state each move leaves from and reaches. */
public enum ReferralAction {
    ACCEPT(ReferralState.REQUESTED, ReferralState.ACCEPTED),
    DECLINE(ReferralState.REQUESTED, ReferralState.DECLINED),
    ARRIVE(ReferralState.ACCEPTED, ReferralState.ARRIVED),
    COMPLETE(ReferralState.ARRIVED, ReferralState.COMPLETED);

    final ReferralState from;
    final ReferralState to;

    ReferralAction(ReferralState from, ReferralState to) {
        this.from = from;
        this.to = to;
    }
}
