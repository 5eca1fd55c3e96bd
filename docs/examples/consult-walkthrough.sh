#!/usr/bin/env bash
# One consult from request to follow-up, with one curl per route of docs/consult.md, each as the demo user who
# would make that call (cx.doctor requests, cm.wang triages and schedules, dr.li chairs, dr.sun takes part).
#
#   bin/run                                  # in another terminal; wait for the demo logins
#   docs/examples/consult-walkthrough.sh     # BASE=http://localhost:8080 KEYCLOAK=http://localhost:8180
#
# Against other ports: BASE=http://localhost:8098 KEYCLOAK=http://localhost:8298 docs/examples/consult-walkthrough.sh
# Needs curl and jq. Each step prints the HTTP status and the start of the answer, and the script stops at the
# first status that is not the one written before the curl. Every run registers a new patient (its IDs carry
# the time), so it may run again and again against the same data directory.
set -euo pipefail
BASE=${BASE:-http://localhost:8080}
KEYCLOAK=${KEYCLOAK:-http://localhost:8180}
PASSWORD=${PASSWORD:-Consilium-2026}
JSON='Content-Type: application/json'

# --- helpers -----------------------------------------------------------------------------------------------
# A fresh access token for a demo user (the consilium-cli client allows the password grant; tokens last 15 min).
token() {
  curl -s -d grant_type=password -d client_id=consilium-cli -d username="$1" -d password="$PASSWORD" \
    "$KEYCLOAK/realms/consilium/protocol/openid-connect/token" | jq -r .access_token
}
# The Authorization header of a demo user: curl -H "$(auth cx.doctor)" ...
auth() { echo "Authorization: Bearer $(token "$1")"; }
# expect STATUS curl ...: runs the curl, keeps the answer in $BODY, prints the status and a summary of the
# answer (the whole answer with VERBOSE=1), and stops unless the status is STATUS.
expect() {
  local want=$1 out
  shift
  out=$("$@" -w '\n%{http_code}')
  STATUS=${out##*$'\n'}
  BODY=${out%$'\n'*}
  printf '%s %s\n' "$STATUS" "$(summary)"
  if [ "$STATUS" != "$want" ]; then
    echo "expected $want: $BODY" >&2
    exit 1
  fi
}
# The answer's id, state, version and the like (of a list: its size and first entry), else its first 160 characters.
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
step() { printf '\n== %s\n' "$*"; }

RUN=$(date +%s)
TOMORROW=$(jq -nr 'now + 86400 | strftime("%Y-%m-%d")')

# --- who is who ----------------------------------------------------------------------------------------------
step "the county clinician: GET /api/me"
expect 200 curl -s -H "$(auth cx.doctor)" "$BASE/api/me"
CX_DOCTOR=$(field .id)

step "provincial specialists by discipline (case manager): GET /api/consult-queue/specialists"
expect 200 curl -s -H "$(auth cm.wang)" "$BASE/api/consult-queue/specialists?discipline=radiation-oncology"
DR_LI=$(field '.[] | select(.username == "dr.li") | .id')
expect 200 curl -s -H "$(auth cm.wang)" "$BASE/api/consult-queue/specialists?discipline=surgery"
DR_SUN=$(field '.[] | select(.username == "dr.sun") | .id')
expect 200 curl -s -H "$(auth cm.wang)" "$BASE/api/consult-queue/specialists?discipline=medical-oncology"
DR_ZHAO=$(field '.[] | select(.username == "dr.zhao") | .id')

# --- patient -------------------------------------------------------------------------------------------------
step "register a patient (county clinician): POST /api/patients"
expect 201 curl -s -H "$(auth cx.doctor)" -H "$JSON" "$BASE/api/patients" -d '{
  "localId": "WT-'"$RUN"'", "name": "欧阳 娜", "sex": "F", "birthDate": "1968-03-14", "mrn": "ZY-WT-'"$RUN"'"}'
PATIENT=$(field .id)

step "the same local ID again: 409 conflict naming the existing patient"
expect 409 curl -s -H "$(auth cx.doctor)" -H "$JSON" "$BASE/api/patients" -d '{
  "localId": "WT-'"$RUN"'", "name": "欧阳娜", "sex": "F"}'

step "search by name (any spacing, full-width or half-width): GET /api/patients?q="
expect 200 curl -s -G -H "$(auth cx.doctor)" "$BASE/api/patients" --data-urlencode 'q=欧阳娜'

step "one patient: GET /api/patients/{id}"
expect 200 curl -s -H "$(auth cx.doctor)" "$BASE/api/patients/$PATIENT"

# --- consult request -----------------------------------------------------------------------------------------
step "request a consult (county clinician): POST /api/consults"
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

step "attach the pathology report (the body is the file): POST /api/consults/{id}/attachments"
printf '%%PDF-1.4\n%% a stand-in for the scanned pathology report\n%%%%EOF\n' > /tmp/consult-walkthrough-report.pdf
expect 201 curl -s -H "$(auth cx.doctor)" -H 'Content-Type: application/pdf' \
  --data-binary @/tmp/consult-walkthrough-report.pdf \
  "$BASE/api/consults/$CONSULT/attachments?kind=PATHOLOGY&filename=pathology.pdf"
ATTACHMENT=$(field .id)

step "read it back: GET /api/consults/{id}/attachments/{attachmentId}"
expect 200 curl -s -H "$(auth cx.doctor)" -o /tmp/consult-walkthrough-download.pdf \
  "$BASE/api/consults/$CONSULT/attachments/$ATTACHMENT"
cmp /tmp/consult-walkthrough-report.pdf /tmp/consult-walkthrough-download.pdf

step "the county's own list: GET /api/consults?state=REQUESTED"
expect 200 curl -s -H "$(auth cx.doctor)" "$BASE/api/consults?state=REQUESTED&patient=$PATIENT"

# --- triage --------------------------------------------------------------------------------------------------
step "the case manager's feed: GET /api/notifications?unread=true"
expect 200 curl -s -H "$(auth cm.wang)" "$BASE/api/notifications?unread=true&limit=5"
NOTIFICATION=$(field "[.items[] | select(.consultId == \"$CONSULT\")][0].id")

step "mark it read: POST /api/notifications/{id}/read"
expect 200 curl -s -X POST -H "$(auth cm.wang)" "$BASE/api/notifications/$NOTIFICATION/read"

step "the queue, awaiting triage: GET /api/consult-queue?state=REQUESTED"
expect 200 curl -s -H "$(auth cm.wang)" "$BASE/api/consult-queue?state=REQUESTED&limit=5"

step "return it for more information (case manager): POST /api/consults/{id}/transitions RETURN"
expect 200 curl -s -H "$(auth cm.wang)" -H "$JSON" "$BASE/api/consults/$CONSULT/transitions" \
  -d '{"action": "RETURN", "version": '"$VERSION"', "note": "请补充肺功能检查 / please add pulmonary function tests"}'
VERSION=$(field .version)

step "the county edits the returned request (the whole request again): PUT /api/consults/{id}?version="
REQUEST=$(jq '.clinicalSummary += "肺功能：FEV1 1.9 L (72%)，DLCO 68%。"' <<<"$REQUEST")
expect 200 curl -s -X PUT -H "$(auth cx.doctor)" -H "$JSON" "$BASE/api/consults/$CONSULT?version=$VERSION" \
  -d "$REQUEST"
VERSION=$(field .version)

step "and resubmits it: POST /api/consults/{id}/transitions RESUBMIT"
expect 200 curl -s -H "$(auth cx.doctor)" -H "$JSON" "$BASE/api/consults/$CONSULT/transitions" \
  -d '{"action": "RESUBMIT", "version": '"$VERSION"'}'
VERSION=$(field .version)

step "accept it (case manager): POST /api/consults/{id}/transitions ACCEPT"
expect 200 curl -s -H "$(auth cm.wang)" -H "$JSON" "$BASE/api/consults/$CONSULT/transitions" \
  -d '{"action": "ACCEPT", "version": '"$VERSION"'}'
VERSION=$(field .version)

step "accepting twice: 409 illegal-transition"
expect 409 curl -s -H "$(auth cm.wang)" -H "$JSON" "$BASE/api/consults/$CONSULT/transitions" \
  -d '{"action": "ACCEPT", "version": '"$VERSION"'}'

step "priority: PUT /api/consult-queue/{id}/priority"
expect 200 curl -s -X PUT -H "$(auth cm.wang)" -H "$JSON" "$BASE/api/consult-queue/$CONSULT/priority" \
  -d '{"priority": 1, "version": '"$VERSION"'}'
VERSION=$(field .version)

step "a stale version (the one before): 409 conflict"
expect 409 curl -s -X PUT -H "$(auth cm.wang)" -H "$JSON" "$BASE/api/consult-queue/$CONSULT/priority" \
  -d '{"priority": 2, "version": '"$((VERSION - 1))"'}'

step "assign specialists: POST /api/consult-queue/{id}/assignments"
expect 200 curl -s -H "$(auth cm.wang)" -H "$JSON" "$BASE/api/consult-queue/$CONSULT/assignments" \
  -d '{"userId": "'"$DR_LI"'", "discipline": "radiation-oncology"}'
expect 200 curl -s -H "$(auth cm.wang)" -H "$JSON" "$BASE/api/consult-queue/$CONSULT/assignments" \
  -d '{"userId": "'"$DR_ZHAO"'"}'

step "remove one: DELETE /api/consult-queue/{id}/assignments/{userId}"
expect 200 curl -s -X DELETE -H "$(auth cm.wang)" "$BASE/api/consult-queue/$CONSULT/assignments/$DR_ZHAO"

step "the assigned specialist now sees it: GET /api/consults/{id}"
expect 200 curl -s -H "$(auth dr.li)" "$BASE/api/consults/$CONSULT"
VERSION=$(field .version)
step "the one removed does not: 404"
expect 404 curl -s -H "$(auth dr.zhao)" "$BASE/api/consults/$CONSULT"

step "SLA figures: GET /api/consult-queue/sla"
expect 200 curl -s -H "$(auth cm.wang)" "$BASE/api/consult-queue/sla"

# --- a second request, to show the agenda moves and a decline ----------------------------------------------------
step "a second request of the same patient, accepted"
expect 201 curl -s -H "$(auth cx.doctor)" -H "$JSON" "$BASE/api/consults" -d '{
  "patientId": "'"$PATIENT"'", "clinicalSummary": "同一患者，骨扫描示第7胸椎可疑浓聚。",
  "question": "是否需要进一步检查？", "urgency": "ROUTINE", "requestedDisciplines": ["radiology"]}'
SECOND=$(field .id)
expect 200 curl -s -H "$(auth cm.wang)" -H "$JSON" "$BASE/api/consults/$SECOND/transitions" \
  -d '{"action": "ACCEPT", "version": '"$(field .version)"'}'

# --- the board -------------------------------------------------------------------------------------------------
step "schedule a board (case manager): POST /api/meetings"
expect 201 curl -s -H "$(auth cm.wang)" -H "$JSON" "$BASE/api/meetings" -d '{
  "kind": "BOARD", "title": "胸部肿瘤 MDT / Thoracic tumour board",
  "startsAt": "'"$TOMORROW"'T06:30:00Z", "endsAt": "'"$TOMORROW"'T08:00:00Z",
  "place": "门诊楼 5 楼会诊中心", "onlineUrl": "https://meet.example.org/mdt-thoracic",
  "chairId": "'"$DR_LI"'", "consultIds": ["'"$CONSULT"'"], "inviteeIds": ["'"$DR_SUN"'"]}'
MEETING=$(field .id)
MEETING_VERSION=$(field .version)

step "add the second consult to the agenda: POST /api/meetings/{id}/agenda"
expect 200 curl -s -H "$(auth cm.wang)" -H "$JSON" "$BASE/api/meetings/$MEETING/agenda" \
  -d '{"consultId": "'"$SECOND"'", "version": '"$MEETING_VERSION"'}'
MEETING_VERSION=$(field .version)

step "reorder: PUT /api/meetings/{id}/agenda"
expect 200 curl -s -X PUT -H "$(auth cm.wang)" -H "$JSON" "$BASE/api/meetings/$MEETING/agenda" \
  -d '{"consultIds": ["'"$SECOND"'", "'"$CONSULT"'"], "version": '"$MEETING_VERSION"'}'
MEETING_VERSION=$(field .version)

step "take it off again (back to TRIAGED): DELETE /api/meetings/{id}/agenda/{consultId}?version="
expect 200 curl -s -X DELETE -H "$(auth cm.wang)" "$BASE/api/meetings/$MEETING/agenda/$SECOND?version=$MEETING_VERSION"
MEETING_VERSION=$(field .version)

step "reschedule: PUT /api/meetings/{id}"
expect 200 curl -s -X PUT -H "$(auth cm.wang)" -H "$JSON" "$BASE/api/meetings/$MEETING" -d '{
  "title": "胸部肿瘤 MDT / Thoracic tumour board", "startsAt": "'"$TOMORROW"'T07:00:00Z",
  "endsAt": "'"$TOMORROW"'T08:30:00Z", "place": "门诊楼 5 楼会诊中心",
  "onlineUrl": "https://meet.example.org/mdt-thoracic", "version": '"$MEETING_VERSION"'}'
MEETING_VERSION=$(field .version)

step "invite the county clinician who presents the patient: POST /api/meetings/{id}/invitations"
expect 200 curl -s -H "$(auth cm.wang)" -H "$JSON" "$BASE/api/meetings/$MEETING/invitations" \
  -d '{"userIds": ["'"$CX_DOCTOR"'"]}'

step "an invitee accepts: PUT /api/meetings/{id}/invitations/me"
expect 200 curl -s -X PUT -H "$(auth dr.sun)" -H "$JSON" "$BASE/api/meetings/$MEETING/invitations/me" \
  -d '{"response": "ACCEPTED"}'

step "the chair's meetings: GET /api/meetings?from=&to="
expect 200 curl -s -G -H "$(auth dr.li)" "$BASE/api/meetings" \
  --data-urlencode "from=${TOMORROW}T00:00:00Z" --data-urlencode "to=${TOMORROW}T23:59:59Z"

step "one meeting: GET /api/meetings/{id}"
expect 200 curl -s -H "$(auth dr.sun)" "$BASE/api/meetings/$MEETING"
MEETING_VERSION=$(field .version)

step "as iCalendar: GET /api/meetings/{id}/calendar.ics and GET /api/meetings/mine.ics"
expect 200 curl -s -H "$(auth dr.sun)" "$BASE/api/meetings/$MEETING/calendar.ics"
expect 200 curl -s -H "$(auth dr.li)" "$BASE/api/meetings/mine.ics"

# --- the session ---------------------------------------------------------------------------------------------
step "the chair opens the session: POST /api/meetings/{id}/session/open"
expect 200 curl -s -H "$(auth dr.li)" -H "$JSON" "$BASE/api/meetings/$MEETING/session/open" \
  -d '{"version": '"$MEETING_VERSION"'}'
MEETING_VERSION=$(field .version)

step "present the consult (SCHEDULED -> IN_SESSION): PUT /api/meetings/{id}/session/presenting"
expect 200 curl -s -X PUT -H "$(auth dr.li)" -H "$JSON" "$BASE/api/meetings/$MEETING/session/presenting" \
  -d '{"consultId": "'"$CONSULT"'"}'

step "a specialist joins: POST /api/meetings/{id}/session/attendance"
expect 200 curl -s -H "$(auth dr.sun)" -H "$JSON" "$BASE/api/meetings/$MEETING/session/attendance" -d '{}'

step "what a live room needs: GET /api/meetings/{id}/session"
expect 200 curl -s -H "$(auth cx.doctor)" "$BASE/api/meetings/$MEETING/session"

# --- recommendation --------------------------------------------------------------------------------------------
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

step "a stage group that does not match TNM: 400 validation"
expect 400 curl -s -H "$(auth dr.li)" -H "$JSON" "$BASE/api/consults/$CONSULT/recommendations" \
  -d '{"content": '"${CONTENT/\"IIB\"/\"IIA\"}"'}'

step "the chair drafts: POST /api/consults/{id}/recommendations"
expect 201 curl -s -H "$(auth dr.li)" -H "$JSON" "$BASE/api/consults/$CONSULT/recommendations" \
  -d '{"content": '"$CONTENT"'}'
RECOMMENDATION=$(field .id)
REC_VERSION=$(field .version)

step "and edits the draft: PUT /api/consults/{id}/recommendations/{rid}"
expect 200 curl -s -X PUT -H "$(auth dr.li)" -H "$JSON" "$BASE/api/consults/$CONSULT/recommendations/$RECOMMENDATION" \
  -d '{"content": '"${CONTENT/4 cycles/4 cycles, then re-stage}"', "version": '"$REC_VERSION"'}'
REC_VERSION=$(field .version)

step "a participant's opinion: PUT /api/consults/{id}/recommendations/{rid}/opinions/me"
expect 200 curl -s -X PUT -H "$(auth dr.sun)" -H "$JSON" \
  "$BASE/api/consults/$CONSULT/recommendations/$RECOMMENDATION/opinions/me" \
  -d '{"position": "AGREE", "comment": "同意手术 / agree with lobectomy"}'
REC_VERSION=$(field .version)

step "finalise (consult IN_SESSION -> RECOMMENDED): POST .../recommendations/{rid}/finalise"
expect 200 curl -s -H "$(auth dr.li)" -H "$JSON" \
  "$BASE/api/consults/$CONSULT/recommendations/$RECOMMENDATION/finalise" -d '{"version": '"$REC_VERSION"'}'
REC_VERSION=$(field .version)

step "each signer signs; the last makes it SIGNED: POST .../recommendations/{rid}/signatures"
expect 200 curl -s -H "$(auth dr.li)" -H "$JSON" \
  "$BASE/api/consults/$CONSULT/recommendations/$RECOMMENDATION/signatures" -d '{"version": '"$REC_VERSION"'}'
REC_VERSION=$(field .version)
expect 200 curl -s -H "$(auth dr.sun)" -H "$JSON" \
  "$BASE/api/consults/$CONSULT/recommendations/$RECOMMENDATION/signatures" -d '{"version": '"$REC_VERSION"'}'

step "a signed version is immutable: editing it is 409"
expect 409 curl -s -X PUT -H "$(auth dr.li)" -H "$JSON" "$BASE/api/consults/$CONSULT/recommendations/$RECOMMENDATION" \
  -d '{"content": '"$CONTENT"', "version": '"$(field .version)"'}'

step "every version: GET /api/consults/{id}/recommendations, and one: GET .../recommendations/{rid}"
expect 200 curl -s -H "$(auth cx.doctor)" "$BASE/api/consults/$CONSULT/recommendations"
expect 200 curl -s -H "$(auth cx.doctor)" "$BASE/api/consults/$CONSULT/recommendations/$RECOMMENDATION"

step "close the session: POST /api/meetings/{id}/session/close"
expect 200 curl -s -H "$(auth dr.li)" -H "$JSON" "$BASE/api/meetings/$MEETING/session/close" -d '{}'

# --- report back -------------------------------------------------------------------------------------------------
step "the opinion PDF: GET /api/consults/{id}/report?lang="
expect 200 curl -s -H "$(auth cx.doctor)" -o /tmp/consult-walkthrough-opinion.pdf "$BASE/api/consults/$CONSULT/report?lang=en"
head -c 8 /tmp/consult-walkthrough-opinion.pdf; echo
expect 200 curl -s -H "$(auth cx.doctor)" -o /tmp/consult-walkthrough-opinion-zh.pdf "$BASE/api/consults/$CONSULT/report?lang=zh-CN"

step "where it went: GET /api/consults/{id}/report/deliveries"
expect 200 curl -s -H "$(auth cx.doctor)" "$BASE/api/consults/$CONSULT/report/deliveries"

# --- follow-up ---------------------------------------------------------------------------------------------------
step "the consult's tasks: GET /api/consults/{id}/follow-ups"
expect 200 curl -s -H "$(auth cx.doctor)" "$BASE/api/consults/$CONSULT/follow-ups"
TASK=$(field '.[0].id')
TASK_VERSION=$(field '.[0].version')

step "the hospital's open tasks: GET /api/follow-ups?state=OPEN"
expect 200 curl -s -H "$(auth cx.doctor)" "$BASE/api/follow-ups?state=OPEN&limit=5"

step "report the outcome: POST /api/follow-ups/{id}/outcome"
expect 200 curl -s -H "$(auth cx.doctor)" -H "$JSON" "$BASE/api/follow-ups/$TASK/outcome" \
  -d '{"outcome": "2 周期后复查 CT：无复发 / CT after 2 cycles: no recurrence", "version": '"$TASK_VERSION"'}'

# --- amendment and close -----------------------------------------------------------------------------------------
step "amend the signed version (consult SIGNED -> RECOMMENDED): POST .../recommendations/{rid}/amendments"
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

step "close the consult (SIGNED -> CLOSED): POST /api/consults/{id}/transitions CLOSE"
expect 200 curl -s -H "$(auth cm.wang)" "$BASE/api/consults/$CONSULT"
expect 200 curl -s -H "$(auth cm.wang)" -H "$JSON" "$BASE/api/consults/$CONSULT/transitions" \
  -d '{"action": "CLOSE", "version": '"$(field .version)"'}'

step "the second consult: return, then decline (RETURNED -> DECLINED)"
expect 200 curl -s -H "$(auth cm.wang)" "$BASE/api/consults/$SECOND"
expect 200 curl -s -H "$(auth cm.wang)" -H "$JSON" "$BASE/api/consults/$SECOND/transitions" \
  -d '{"action": "RETURN", "version": '"$(field .version)"', "note": "请补充胸椎 MRI / please add a thoracic spine MRI"}'
expect 200 curl -s -H "$(auth cm.wang)" -H "$JSON" "$BASE/api/consults/$SECOND/transitions" \
  -d '{"action": "DECLINE", "version": '"$(field .version)"', "note": "本院影像科已会诊 / read by our own radiology"}'

step "the county clinician's feed, then all read: GET /api/notifications, POST /api/notifications/read-all"
expect 200 curl -s -H "$(auth cx.doctor)" "$BASE/api/notifications?limit=3"
expect 200 curl -s -X POST -H "$(auth cx.doctor)" "$BASE/api/notifications/read-all"

echo
echo "walkthrough done: consult $CONSULT"
