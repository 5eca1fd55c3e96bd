-- The Dice of each ROI an expert revision changed, against its parent revision (docs/review-metrics.md, 1 mm
-- voxels), worked out once the first time the statistics need it (ReviewStatistics) and kept: revisions are
-- immutable, so the number never changes. A ROI missing on one side has a null Dice. The hospital and the
-- revision's time are copied here so that the statistics read one table.
create table rt_revision_dice (
    revision_id uuid not null references rt_revision (id),
    roi_name    varchar(64) not null,
    hospital_id uuid not null,
    created_at  timestamptz not null,
    dice        double precision,
    primary key (revision_id, roi_name)
);
create index rt_revision_dice_time on rt_revision_dice (created_at, hospital_id);
-- expert revisions by time, for the ones still without their Dice
create index rt_revision_expert on rt_revision (created_at) where kind = 'EXPERT';
