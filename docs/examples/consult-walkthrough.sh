#!/usr/bin/env bash
# One consult from request to follow-up, with a curl per route of docs/consult.md, each made by the demo user
# who would make it: cx.doctor (长兴 clinician) requests, cm.wang (provincial case manager) triages, assigns and
# schedules, dr.li chairs the board, dr.sun takes part and co-signs.
#
#   bin/run                                  # in another terminal; wait for the demo logins
#   docs/examples/consult-walkthrough.sh     # BASE=http://localhost:8080 KEYCLOAK=http://localhost:8180
#
# Other ports: BASE=http://localhost:8098 KEYCLOAK=http://localhost:8298 docs/examples/consult-walkthrough.sh
# VERBOSE=1 prints whole answers. Needs curl and jq. Each step states the HTTP status it expects
# (expect 201 curl ...), prints the status, method, path and a summary of the answer, and the script stops at the
# first other status. Every run registers a new patient (its IDs carry the time), so it may run again and again
# against the same data directory.
#
# The steps below the helpers are the examples of docs/consult.md, in its order and without their sample answers:
# change the page, then run docs/examples/consult-walkthrough-from-doc.py, which rewrites them from it.
set -euo pipefail

# --- helpers (docs/consult.md loads this part with: source <(sed -n '/^# --- helpers/,/^# --- walkthrough/p' ...))
BASE=${BASE:-http://localhost:8080}
KEYCLOAK=${KEYCLOAK:-http://localhost:8180}
PASSWORD=${PASSWORD:-Consilium-2026}
JSON='Content-Type: application/json'

# A fresh access token for a demo user (the consilium-cli client allows the password grant; tokens last 15 min).
token() {
  curl -s -d grant_type=password -d client_id=consilium-cli -d username="$1" -d password="$PASSWORD" \
    "$KEYCLOAK/realms/consilium/protocol/openid-connect/token" | jq -r .access_token
}
# The Authorization header of a demo user: curl -H "$(auth cx.doctor)" ...
auth() { echo "Authorization: Bearer $(token "$1")"; }
# expect STATUS curl ...: runs the curl, keeps the answer in $BODY, prints the status, method, path and a summary
# of the answer, and returns 1 (which stops this script) unless the status is STATUS.
expect() {
  local want=$1 out method=GET path= arg prev=
  shift
  for arg in "$@"; do
    case $prev in -X) method=$arg ;; esac
    case $arg in
      -d | --data-binary) if [ "$method" = GET ] && [[ " $* " != *" -G "* ]]; then method=POST; fi ;;
      "$BASE"*) path=${arg#"$BASE"} ;;
    esac
    prev=$arg
  done
  out=$("$@" -w '\n%{http_code}')
  STATUS=${out##*$'\n'}
  BODY=${out%$'\n'*}
  printf '%s %s %s  %s\n' "$STATUS" "$method" "$path" "$(summary)"
  if [ "$STATUS" != "$want" ]; then
    echo "expected $want: $BODY" >&2
    return 1
  fi
}
# The answer's id, state, version and the like (of a list: its size and first entry), else its first 160
# characters; the whole answer with VERBOSE=1.
summary() {
  local brief
  if [ "${VERBOSE:-0}" = 1 ]; then printf '%s' "$BODY"; return; fi
  if brief=$(jq -c 'def brief: if type == "object" then with_entries(select(.key | IN("id", "state", "version",
                      "revision", "kind", "position", "detail", "total", "marked", "note", "dueOn", "outcome")))
                    else . end;
                    if type == "array" then {count: length, first: (.[0] | brief)}
                    elif type == "object" and has("items") then {total, first: (.items[0] | brief)}
                    else brief end' <<<"$BODY" 2>/dev/null) && [ "$brief" != "{}" ]; then
    printf '%s' "$brief"
  else
    printf '%s' "$BODY" | head -n 1 | head -c 160
  fi
}
# field JQ: a field of the last answer, e.g. CONSULT=$(field .id)
field() { jq -r "$1" <<<"$BODY"; }
RUN=$(date +%s)
TOMORROW=$(jq -nr 'now + 86400 | strftime("%Y-%m-%d")')

# --- walkthrough (the examples of docs/consult.md, in its order)

# The county clinician: who am I (the id is needed to invite them to the board later)
expect 200 curl -s -H "$(auth cx.doctor)" "$BASE/api/me"
CX_DOCTOR=$(field .id)

# Register a patient of 长兴 (a space next to Han characters is dropped: stored as 欧阳娜)
expect 201 curl -s -H "$(auth cx.doctor)" -H "$JSON" "$BASE/api/patients" -d '{
  "localId": "WT-'"$RUN"'", "name": "欧阳 娜", "sex": "F", "birthDate": "1968-03-14", "mrn": "ZY-WT-'"$RUN"'"}'
PATIENT=$(field .id)

# The same local ID again
expect 409 curl -s -H "$(auth cx.doctor)" -H "$JSON" "$BASE/api/patients" -d '{
  "localId": "WT-'"$RUN"'", "name": "欧阳娜", "sex": "F"}'

# Search by name
expect 200 curl -s -G -H "$(auth cx.doctor)" "$BASE/api/patients" --data-urlencode 'q=欧阳娜'

expect 200 curl -s -H "$(auth cx.doctor)" "$BASE/api/patients/$PATIENT"

# The county clinician raises a request (the request is kept in $REQUEST, for the edit after a return)
REQUEST='{
  "patientId": "'"$PATIENT"'",
  "clinicalSummary": "女，58岁，咳嗽2月。CT示右肺上叶2.8cm周围型结节，右肺门淋巴结肿大。",
  "question": "可否手术？术后是否需要辅助治疗？",
  "urgency": "URGENT",
  "requestedDisciplines": ["surgery", "radiation-oncology", "medical-oncology"],
  "pathology": {"reportNo": "P2026-'"$RUN"'", "specimen": "CT-guided biopsy", "primarySite": "右肺上叶",
                "histology": "浸润性腺癌", "grade": "G2", "reportedOn": "2026-11-02",
                "markers": {"EGFR": "wild type", "PD-L1": "TPS 20%"}},
  "labs": [{"test": "CEA", "value": "8.1", "unit": "ng/mL", "referenceRange": "0-5", "flag": "H",
            "collectedOn": "2026-11-01"}],
  "accessionNumbers": ["WT'"$RUN"'"]}'
expect 201 curl -s -H "$(auth cx.doctor)" -H "$JSON" "$BASE/api/consults" -d "$REQUEST"
CONSULT=$(field .id)
VERSION=$(field .version)

# The county's list
expect 200 curl -s -H "$(auth cx.doctor)" "$BASE/api/consults?state=REQUESTED&patient=$PATIENT"

# A stand-in PDF (only the magic bytes are checked), attached by the county clinician, then read back
printf '%%PDF-1.4\n%% a stand-in for the scanned pathology report\n%%%%EOF\n' > /tmp/consult-walkthrough-report.pdf
expect 201 curl -s -H "$(auth cx.doctor)" -H 'Content-Type: application/pdf' \
  --data-binary @/tmp/consult-walkthrough-report.pdf \
  "$BASE/api/consults/$CONSULT/attachments?kind=PATHOLOGY&filename=pathology.pdf"
ATTACHMENT=$(field .id)

expect 200 curl -s -H "$(auth cx.doctor)" -o /tmp/consult-walkthrough-download.pdf \
  "$BASE/api/consults/$CONSULT/attachments/$ATTACHMENT"
cmp /tmp/consult-walkthrough-report.pdf /tmp/consult-walkthrough-download.pdf

# The case manager's queue of what awaits triage
expect 200 curl -s -H "$(auth cm.wang)" "$BASE/api/consult-queue?state=REQUESTED&limit=5"

# Return it for more information; the county edits the request (all of it again) and resubmits
expect 200 curl -s -H "$(auth cm.wang)" -H "$JSON" "$BASE/api/consults/$CONSULT/transitions" \
  -d '{"action": "RETURN", "version": '"$VERSION"', "note": "请补充肺功能检查 / please add pulmonary function tests"}'
VERSION=$(field .version)

REQUEST=$(jq '.clinicalSummary += "肺功能：FEV1 1.9 L (72%)，DLCO 68%。"' <<<"$REQUEST")
expect 200 curl -s -X PUT -H "$(auth cx.doctor)" -H "$JSON" "$BASE/api/consults/$CONSULT?version=$VERSION" \
  -d "$REQUEST"
VERSION=$(field .version)

expect 200 curl -s -H "$(auth cx.doctor)" -H "$JSON" "$BASE/api/consults/$CONSULT/transitions" \
  -d '{"action": "RESUBMIT", "version": '"$VERSION"'}'
VERSION=$(field .version)

# Accept it
expect 200 curl -s -H "$(auth cm.wang)" -H "$JSON" "$BASE/api/consults/$CONSULT/transitions" \
  -d '{"action": "ACCEPT", "version": '"$VERSION"'}'
VERSION=$(field .version)

# Accepting twice is not a move of the machine
expect 409 curl -s -H "$(auth cm.wang)" -H "$JSON" "$BASE/api/consults/$CONSULT/transitions" \
  -d '{"action": "ACCEPT", "version": '"$VERSION"'}'

# Priority, then the same with the version before: a stale version is a conflict
expect 200 curl -s -X PUT -H "$(auth cm.wang)" -H "$JSON" "$BASE/api/consult-queue/$CONSULT/priority" \
  -d '{"priority": 1, "version": '"$VERSION"'}'
VERSION=$(field .version)
expect 409 curl -s -X PUT -H "$(auth cm.wang)" -H "$JSON" "$BASE/api/consult-queue/$CONSULT/priority" \
  -d '{"priority": 2, "version": '"$((VERSION - 1))"'}'

# Specialists by discipline, from Keycloak (their ids are what assignments and meetings take)
expect 200 curl -s -H "$(auth cm.wang)" "$BASE/api/consult-queue/specialists?discipline=radiation-oncology"
DR_LI=$(field '.[] | select(.username == "dr.li") | .id')
expect 200 curl -s -H "$(auth cm.wang)" "$BASE/api/consult-queue/specialists?discipline=surgery"
DR_SUN=$(field '.[] | select(.username == "dr.sun") | .id')
expect 200 curl -s -H "$(auth cm.wang)" "$BASE/api/consult-queue/specialists?discipline=medical-oncology"
DR_ZHAO=$(field '.[] | select(.username == "dr.zhao") | .id')

# Assign two (the discipline defaults to the specialist's own), remove one
expect 200 curl -s -H "$(auth cm.wang)" -H "$JSON" "$BASE/api/consult-queue/$CONSULT/assignments" \
  -d '{"userId": "'"$DR_LI"'", "discipline": "radiation-oncology"}'
expect 200 curl -s -H "$(auth cm.wang)" -H "$JSON" "$BASE/api/consult-queue/$CONSULT/assignments" \
  -d '{"userId": "'"$DR_ZHAO"'"}'
expect 200 curl -s -X DELETE -H "$(auth cm.wang)" "$BASE/api/consult-queue/$CONSULT/assignments/$DR_ZHAO"

# The assigned specialist sees the consult; the one removed gets 404, as for a consult that does not exist
expect 200 curl -s -H "$(auth dr.li)" "$BASE/api/consults/$CONSULT"
expect 404 curl -s -H "$(auth dr.zhao)" "$BASE/api/consults/$CONSULT"

expect 200 curl -s -H "$(auth cm.wang)" "$BASE/api/consult-queue/sla"

# The case manager's unread feed has the request and its resubmission; mark the newest entry read
expect 200 curl -s -H "$(auth cm.wang)" "$BASE/api/notifications?unread=true&limit=5"
NOTIFICATION=$(field "[.items[] | select(.consultId == \"$CONSULT\")][0].id")
expect 200 curl -s -X POST -H "$(auth cm.wang)" "$BASE/api/notifications/$NOTIFICATION/read"

# The county clinician's feed (the return with its message, the acceptance), then all of it read
expect 200 curl -s -H "$(auth cx.doctor)" "$BASE/api/notifications?limit=3"
expect 200 curl -s -X POST -H "$(auth cx.doctor)" "$BASE/api/notifications/read-all"

# A second request of the same patient, accepted, to show the agenda moves
expect 201 curl -s -H "$(auth cx.doctor)" -H "$JSON" "$BASE/api/consults" -d '{
  "patientId": "'"$PATIENT"'", "clinicalSummary": "同一患者，骨扫描示第7胸椎可疑浓聚。",
  "question": "是否需要进一步检查？", "urgency": "ROUTINE", "requestedDisciplines": ["radiology"]}'
SECOND=$(field .id)
expect 200 curl -s -H "$(auth cm.wang)" -H "$JSON" "$BASE/api/consults/$SECOND/transitions" \
  -d '{"action": "ACCEPT", "version": '"$(field .version)"'}'

# The case manager schedules a board tomorrow: dr.li chairs, dr.sun is invited; the consult becomes SCHEDULED
expect 201 curl -s -H "$(auth cm.wang)" -H "$JSON" "$BASE/api/meetings" -d '{
  "kind": "BOARD", "title": "胸部肿瘤 MDT / Thoracic tumour board",
  "startsAt": "'"$TOMORROW"'T06:30:00Z", "endsAt": "'"$TOMORROW"'T08:00:00Z",
  "place": "门诊楼 5 楼会诊中心", "onlineUrl": "https://meet.example.org/mdt-thoracic",
  "chairId": "'"$DR_LI"'", "consultIds": ["'"$CONSULT"'"], "inviteeIds": ["'"$DR_SUN"'"]}'
MEETING=$(field .id)
MEETING_VERSION=$(field .version)

# Add the second consult, put it first, take it off again (it goes back to TRIAGED)
expect 200 curl -s -H "$(auth cm.wang)" -H "$JSON" "$BASE/api/meetings/$MEETING/agenda" \
  -d '{"consultId": "'"$SECOND"'", "version": '"$MEETING_VERSION"'}'
MEETING_VERSION=$(field .version)
expect 200 curl -s -X PUT -H "$(auth cm.wang)" -H "$JSON" "$BASE/api/meetings/$MEETING/agenda" \
  -d '{"consultIds": ["'"$SECOND"'", "'"$CONSULT"'"], "version": '"$MEETING_VERSION"'}'
MEETING_VERSION=$(field .version)
expect 200 curl -s -X DELETE -H "$(auth cm.wang)" "$BASE/api/meetings/$MEETING/agenda/$SECOND?version=$MEETING_VERSION"
MEETING_VERSION=$(field .version)

# The second consult, off the agenda, is returned and then declined (RETURNED -> DECLINED)
expect 200 curl -s -H "$(auth cm.wang)" "$BASE/api/consults/$SECOND"
expect 200 curl -s -H "$(auth cm.wang)" -H "$JSON" "$BASE/api/consults/$SECOND/transitions" \
  -d '{"action": "RETURN", "version": '"$(field .version)"', "note": "请补充胸椎 MRI / please add a thoracic spine MRI"}'
expect 200 curl -s -H "$(auth cm.wang)" -H "$JSON" "$BASE/api/consults/$SECOND/transitions" \
  -d '{"action": "DECLINE", "version": '"$(field .version)"', "note": "本院影像科已会诊 / read by our own radiology"}'

# Reschedule half an hour later
expect 200 curl -s -X PUT -H "$(auth cm.wang)" -H "$JSON" "$BASE/api/meetings/$MEETING" -d '{
  "title": "胸部肿瘤 MDT / Thoracic tumour board", "startsAt": "'"$TOMORROW"'T07:00:00Z",
  "endsAt": "'"$TOMORROW"'T08:30:00Z", "place": "门诊楼 5 楼会诊中心",
  "onlineUrl": "https://meet.example.org/mdt-thoracic", "version": '"$MEETING_VERSION"'}'
MEETING_VERSION=$(field .version)

# Invite the county clinician who presents the patient; dr.sun accepts
expect 200 curl -s -H "$(auth cm.wang)" -H "$JSON" "$BASE/api/meetings/$MEETING/invitations" \
  -d '{"userIds": ["'"$CX_DOCTOR"'"]}'
expect 200 curl -s -X PUT -H "$(auth dr.sun)" -H "$JSON" "$BASE/api/meetings/$MEETING/invitations/me" \
  -d '{"response": "ACCEPTED"}'

# The chair's meetings of tomorrow, one meeting, and both as iCalendar
expect 200 curl -s -G -H "$(auth dr.li)" "$BASE/api/meetings" \
  --data-urlencode "from=${TOMORROW}T00:00:00Z" --data-urlencode "to=${TOMORROW}T23:59:59Z"
expect 200 curl -s -H "$(auth dr.sun)" "$BASE/api/meetings/$MEETING"
MEETING_VERSION=$(field .version)
expect 200 curl -s -H "$(auth dr.sun)" "$BASE/api/meetings/$MEETING/calendar.ics"
expect 200 curl -s -H "$(auth dr.li)" "$BASE/api/meetings/mine.ics"

# The chair opens the session (and is recorded as attending), presents the consult (SCHEDULED -> IN_SESSION)
expect 200 curl -s -H "$(auth dr.li)" -H "$JSON" "$BASE/api/meetings/$MEETING/session/open" \
  -d '{"version": '"$MEETING_VERSION"'}'
MEETING_VERSION=$(field .version)
expect 200 curl -s -X PUT -H "$(auth dr.li)" -H "$JSON" "$BASE/api/meetings/$MEETING/session/presenting" \
  -d '{"consultId": "'"$CONSULT"'"}'

# dr.sun joins (the chair or a case manager would send {"userId": "…"} for someone else)
expect 200 curl -s -H "$(auth dr.sun)" -H "$JSON" "$BASE/api/meetings/$MEETING/session/attendance" -d '{}'

# What a live room needs, read by the presenting county clinician
expect 200 curl -s -H "$(auth cx.doctor)" "$BASE/api/meetings/$MEETING/session"

CONTENT='{
  "evaluation": {"ecog": 1,
    "organFunction": {"cardiac": "NORMAL", "pulmonary": "MILD", "hepatic": "NORMAL", "renal": "NORMAL"},
    "surgicalTolerance": "TOLERABLE",
    "tnm": {"site": "lung", "t": "cT1c", "n": "cN1", "m": "cM0", "stageGroup": "IIB"},
    "notes": "FEV1 1.9 L (72%), DLCO 68%"},
  "intent": "CURATIVE",
  "modalities": [
    {"modality": "SURGERY", "sequence": 1, "detail": "VATS right upper lobectomy, systematic nodal dissection"},
    {"modality": "CHEMOTHERAPY", "sequence": 2, "detail": "Adjuvant cisplatin + pemetrexed, 4 cycles"}],
  "rationale": "Peripheral cT1c tumour with one hilar node; fit for lobectomy.",
  "followUps": [{"title": "Chest CT after 2 adjuvant cycles", "dueInDays": 42}]}'

# A stage group that does not match T, N and M
expect 400 curl -s -H "$(auth dr.li)" -H "$JSON" "$BASE/api/consults/$CONSULT/recommendations" \
  -d '{"content": '"${CONTENT/\"IIB\"/\"IIA\"}"'}'

# The chair drafts, then edits the draft
expect 201 curl -s -H "$(auth dr.li)" -H "$JSON" "$BASE/api/consults/$CONSULT/recommendations" \
  -d '{"content": '"$CONTENT"'}'
RECOMMENDATION=$(field .id)
REC_VERSION=$(field .version)
expect 200 curl -s -X PUT -H "$(auth dr.li)" -H "$JSON" "$BASE/api/consults/$CONSULT/recommendations/$RECOMMENDATION" \
  -d '{"content": '"${CONTENT/4 cycles/4 cycles, then re-stage}"', "version": '"$REC_VERSION"'}'
REC_VERSION=$(field .version)

# A participant's opinion
expect 200 curl -s -X PUT -H "$(auth dr.sun)" -H "$JSON" \
  "$BASE/api/consults/$CONSULT/recommendations/$RECOMMENDATION/opinions/me" \
  -d '{"position": "AGREE", "comment": "同意手术 / agree with lobectomy"}'
REC_VERSION=$(field .version)

# The chair finalises (consult IN_SESSION -> RECOMMENDED); the signers are the chair and the attendees
expect 200 curl -s -H "$(auth dr.li)" -H "$JSON" \
  "$BASE/api/consults/$CONSULT/recommendations/$RECOMMENDATION/finalise" -d '{"version": '"$REC_VERSION"'}'
REC_VERSION=$(field .version)

# Each signer signs; the last signature makes it SIGNED (consult RECOMMENDED -> SIGNED) and sends the report back
expect 200 curl -s -H "$(auth dr.li)" -H "$JSON" \
  "$BASE/api/consults/$CONSULT/recommendations/$RECOMMENDATION/signatures" -d '{"version": '"$REC_VERSION"'}'
REC_VERSION=$(field .version)
expect 200 curl -s -H "$(auth dr.sun)" -H "$JSON" \
  "$BASE/api/consults/$CONSULT/recommendations/$RECOMMENDATION/signatures" -d '{"version": '"$REC_VERSION"'}'

# A signed version is immutable
expect 409 curl -s -X PUT -H "$(auth dr.li)" -H "$JSON" "$BASE/api/consults/$CONSULT/recommendations/$RECOMMENDATION" \
  -d '{"content": '"$CONTENT"', "version": '"$(field .version)"'}'

# The chair amends it (consult SIGNED -> RECOMMENDED): revision 2 is finalised and signed again
expect 201 curl -s -H "$(auth dr.li)" -H "$JSON" \
  "$BASE/api/consults/$CONSULT/recommendations/$RECOMMENDATION/amendments" \
  -d '{"reason": "病理复核：EGFR 19 外显子缺失 / pathology review: EGFR exon 19 deletion"}'
AMENDED=$(field .id)
expect 200 curl -s -H "$(auth dr.li)" -H "$JSON" \
  "$BASE/api/consults/$CONSULT/recommendations/$AMENDED/finalise" -d '{"version": '"$(field .version)"'}'
expect 200 curl -s -H "$(auth dr.li)" -H "$JSON" \
  "$BASE/api/consults/$CONSULT/recommendations/$AMENDED/signatures" -d '{"version": '"$(field .version)"'}'
expect 200 curl -s -H "$(auth dr.sun)" -H "$JSON" \
  "$BASE/api/consults/$CONSULT/recommendations/$AMENDED/signatures" -d '{"version": '"$(field .version)"'}'

# Every version, newest first, and one of them
expect 200 curl -s -H "$(auth cx.doctor)" "$BASE/api/consults/$CONSULT/recommendations"
expect 200 curl -s -H "$(auth cx.doctor)" "$BASE/api/consults/$CONSULT/recommendations/$RECOMMENDATION"

# The chair closes the session
expect 200 curl -s -H "$(auth dr.li)" -H "$JSON" "$BASE/api/meetings/$MEETING/session/close" -d '{}'

# The opinion document as the requesting hospital downloads it
expect 200 curl -s -H "$(auth cx.doctor)" -o /tmp/consult-walkthrough-opinion.pdf "$BASE/api/consults/$CONSULT/report?lang=en"
expect 200 curl -s -H "$(auth cx.doctor)" -o /tmp/consult-walkthrough-opinion-zh.pdf "$BASE/api/consults/$CONSULT/report?lang=zh-CN"
head -c 8 /tmp/consult-walkthrough-opinion-zh.pdf; echo

# Where each signed version went. This patient has no images, so nothing was stored; with a study attached
# (the demo consult of 张建国) a row reads "studyUid":"1.2.826.0.1.3680043.10.1453.2.1.1",
# "sopInstanceUid":"…","note":"stored; the requesting hospital has no receiving AE" (or "stored and queued").
expect 200 curl -s -H "$(auth cx.doctor)" "$BASE/api/consults/$CONSULT/report/deliveries"

# The consult's tasks: revision 1's task was cancelled by the amendment, revision 2's is open
expect 200 curl -s -H "$(auth cx.doctor)" "$BASE/api/consults/$CONSULT/follow-ups"
TASK=$(field '[.[] | select(.state == "OPEN")][0].id')
TASK_VERSION=$(field '[.[] | select(.state == "OPEN")][0].version')

# The hospital's open tasks, soonest due first
expect 200 curl -s -H "$(auth cx.doctor)" "$BASE/api/follow-ups?state=OPEN&limit=5"

# The county reports the outcome (every provincial case manager is notified)
expect 200 curl -s -H "$(auth cx.doctor)" -H "$JSON" "$BASE/api/follow-ups/$TASK/outcome" \
  -d '{"outcome": "2 周期后复查 CT：无复发 / CT after 2 cycles: no recurrence", "version": '"$TASK_VERSION"'}'

# The case manager closes the consult (SIGNED -> CLOSED)
expect 200 curl -s -H "$(auth cm.wang)" "$BASE/api/consults/$CONSULT"
expect 200 curl -s -H "$(auth cm.wang)" -H "$JSON" "$BASE/api/consults/$CONSULT/transitions" \
  -d '{"action": "CLOSE", "version": '"$(field .version)"'}'

echo
echo "walkthrough done: consult $CONSULT"
