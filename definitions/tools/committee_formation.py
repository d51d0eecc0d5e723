"""Generates definitions/committee-formation.bpmn (P4 业主委员会组建). Run: python3 definitions/tools/committee_formation.py"""
import json

from bpmnwriter import Process, field, TOP, ROW

# 公示异议: objections owners raise during a posting are recorded and answered when the posting ends; the process
# waits for the answer, and an upheld objection sends the posted list back (docs: definitions/README.md, P4).
OBJECTION_RESULTS = [("none", "公示期内无异议"), ("dismissed", "有异议，经核实不成立，已答复异议人"), ("upheld", "有异议，经核实成立，重新确定名单")]
OBJECTION_DUE = "${workingDays(5)}"


def objection_fields():
    return [
        field("objectionResult", "公示期异议处理结果", "enum", OBJECTION_RESULTS, required=True),
        field("objectionText", "异议内容（异议人、事由；有异议时必填）", maxlength=2000, required_when="objectionResult=dismissed|upheld"),
        field("objectionAnswer", "答复意见（有异议时必填）", maxlength=2000, required_when="objectionResult=dismissed|upheld"),
    ]


QUESTIONS = json.dumps([
    {"id": "members", "text": "选举筹备组公示的候选人为业主委员会委员", "item": 3, "matter": "ordinary", "candidatesFrom": "candidates"},
    {"id": "rules", "text": "通过《业主大会议事规则》", "item": 1, "matter": "ordinary"},
    {"id": "statute", "text": "通过《管理规约》", "item": 2, "matter": "ordinary"},
], ensure_ascii=False)

# The drafts the owners vote on travel with the ballot (its documents), copied from prepareMeeting's fields.
DOCUMENTS = json.dumps([
    {"title": "《业主大会议事规则》草案", "from": "rulesDraft"},
    {"title": "《管理规约》草案", "from": "statuteDraft"},
], ensure_ascii=False)

p = Process("committee-formation", "业主委员会组建",
            "P4, action plan §2, §11, §12: application (owners >= 20%, developer) or the street office's initiative; conditions "
            "(>= 50% of floor area delivered, or 2 years since first delivery); not met -> property management committee; "
            "preparatory group within 60 days; candidates reviewed and posted; owners' general meeting vote (one re-vote when "
            "the quorum is missed); results posted; filing within 30 days; the registry shows the committee. See definitions/README.md.")
p.message("Msg_ballotClosed", "ballot-closed")

r = 1
p.start("applied", "提出组建申请", 0, r, initiator="initiator")
p.service("lookup", "查询小区信息", 1, r, "lookupCompound")
p.gateway("existingGw", "是否已有业委会", 2, r, default="f_noCommittee")
p.end("alreadyHas", "已有业主委员会", 2, 0, terminate=True)
p.service("assess", "核算成立条件", 3, r, "setVariables",
          conditionsMet="${deliveredShare >= 0.5 || yearsSinceFirstDelivery >= 2}",
          applicationValid="${initiatedBy != 'owners' || applicantShare >= 0.2}",
          voteRound="${0}")
p.user("reviewConditions", "审查成立条件", 4, r, candidateGroups="street-office", dueDate="${workingDays(10)}", fields=[
    field("reviewDecision", "审查结论", "enum", [("accept", "具备条件，启动筹备"), ("management", "不具备条件，组建物业管理委员会"), ("reject", "不予受理")], required=True),
    field("reviewOpinion", "审查意见", required=True, maxlength=1000),
])
p.gateway("reviewGw", "审查结论", 5, r, default="f_toManagement")
p.service("notifyRejected", "告知不予受理", 5, 0, "notify", to="${initiator}", kind="result",
          title="业委会组建申请不予受理：${compoundName}", body="审查意见：${reviewOpinion}")
p.end("rejected", "不予受理", 6, 0, terminate=True)

p.user("formGroup", "成立筹备组", 6, r, candidateGroups="street-office", dueDate="${now().plusDays(60)}", fields=[
    field("groupMembers", "筹备组成员（街道、社区、业主代表等）", required=True, maxlength=2000),
    field("groupLeader", "筹备组组长", required=True, maxlength=100),
])
p.service("postGroupList", "公示筹备组成员名单", 7, r, "postPublicNotice", days="7",
          title="${compoundName}业主大会筹备组成员名单公示", body="筹备组成员：${groupMembers}；组长：${groupLeader}。公示期内业主可向街道提出异议。")
p.timer_catch("groupNoticeWait", "筹备组名单公示期满", 8, r, "${date(noticeUntil)}")
p.user("groupObjections", "筹备组名单公示异议处理", 9, r, candidateGroups="street-office", dueDate=OBJECTION_DUE, fields=objection_fields())
p.gateway("groupObjectionGw", "异议是否成立", 10, r, default="f_groupNoObjection")
p.user("prepareMeeting", "确认投票权、起草议事规则和管理规约", 11, r, candidateGroups="community", dueDate="${workingDays(20)}", fields=[
    field("votingRightsConfirmed", "已按专有部分面积和人数核实业主投票权", "boolean", required=True),
    field("rulesDraft", "《业主大会议事规则》草案", required=True, maxlength=4000),
    field("statuteDraft", "《管理规约》草案", required=True, maxlength=4000),
])
p.user("nominate", "推荐业委会委员候选人", 12, r, candidateGroups="community", dueDate="${workingDays(10)}", fields=[
    field("candidates", "候选人名单", required=True, maxlength=2000),
])
p.user("communityCheck", "社区资格审查", 13, r, candidateGroups="community", dueDate="${workingDays(5)}", fields=[
    field("communityQualified", "社区审查结论", "enum", [("pass", "候选人资格符合"), ("fail", "有候选人不符合，重新推荐")], required=True),
    field("communityCheckNote", "审查意见", maxlength=1000),
])
p.user("streetCheck", "街道资格审查", 14, r, candidateGroups="street-office", dueDate="${workingDays(5)}", fields=[
    field("streetQualified", "街道审查结论", "enum", [("pass", "候选人资格符合"), ("fail", "有候选人不符合，重新推荐")], required=True),
    field("streetCheckNote", "审查意见", maxlength=1000),
])
p.gateway("qualGw", "资格审查结果", 15, r, default="f_qualFailed")
p.service("postCandidates", "公示候选人名单", 16, r, "postPublicNotice", days="7",
          title="${compoundName}业主委员会候选人名单公示", body="候选人：${candidates}。公示期内业主可提出异议。")
p.timer_catch("candidateNoticeWait", "候选人公示期满", 17, r, "${date(noticeUntil)}")
p.user("candidateObjections", "候选人名单公示异议处理", 18, r, candidateGroups="community", dueDate=OBJECTION_DUE, fields=objection_fields())
p.gateway("candidateObjectionGw", "异议是否成立", 19, r, default="f_candidateNoObjection")
p.service("firstRound", "首次表决", 20, r, "setVariables", voteRound="${1}")
p.service("openVote", "业主大会电子投票", 21, r, "openBallot",
          title="${compoundName}业主大会：选举业主委员会，表决议事规则和管理规约", questions=QUESTIONS, documents=DOCUMENTS, days="10")
p.message_catch("voteClosed", "投票结束", 22, r, "Msg_ballotClosed")
p.gateway("voteGw", "表决结果", 23, r, default="f_voteRejected")
p.service("secondRound", "重新表决", 21, 0, "setVariables", voteRound="${voteRound + 1}")
p.service("postResults", "公告选举结果", 24, r, "postPublicNotice", days="7",
          title="${compoundName}业主大会表决结果公告", body="业主委员会委员：${candidates}；《业主大会议事规则》《管理规约》经业主大会表决通过。")
p.user("submitFiling", "业委会提交备案材料", 25, r, candidateGroups="owners-committee", dueDate="${now().plusDays(30)}", fields=[
    field("filingDocuments", "备案材料（选举结果、议事规则、管理规约、委员名单）", required=True, maxlength=2000),
])
p.user("acceptFiling", "街道办理备案", 26, r, candidateGroups="street-office", dueDate="${workingDays(5)}", fields=[
    field("filingDecision", "备案结论", "enum", [("accept", "予以备案"), ("return", "材料不全，退回补正")], required=True),
    field("filingNote", "备案意见", maxlength=1000),
])
p.gateway("filingGw", "备案结论", 27, r, default="f_filingReturned")
p.service("registerCommittee", "登记业主委员会", 28, r, "setCommitteeStatus", status="owners-committee")
p.service("notifyEstablished", "通知申请人", 29, r, "notify", to="${initiator}", kind="result",
          title="${compoundName}业主委员会已成立并备案", body="委员：${candidates}")
p.end("established", "业主委员会成立", 30, r, terminate=True)

# 催办 / 督办 of the 60-day preparatory group limit (on the street office: the bureau supervises)
p.timer("groupReminder", "催办（60日的2/3）", "formGroup", "${now().plusDays(40)}", at=0.25)
p.service("remindGroup", "催办成立筹备组", 6, 2, "notify", toGroup="street-office", kind="reminder",
          title="催办：${compoundName}筹备组", body="请在受理后60日内成立业主大会筹备组。")
p.end("groupReminded", "已催办", 6, 3)
p.timer("groupOverdue", "筹备组逾期（督办）", "formGroup", "${now().plusDays(60)}", at=0.75)
p.service("escalateGroup", "逾期督办通知", 7, 2, "notify", toGroup="housing-bureau", kind="escalation",
          title="督办：${compoundName}筹备组逾期未成立", body="街道受理组建申请已满60日，筹备组尚未成立。")
p.user("superviseGroup", "督办筹备组组建", 7, 3, candidateGroups="housing-bureau", dueDate="${workingDays(3)}", fields=[
    field("supervisionNote", "督办措施", required=True, maxlength=1000),
])
p.end("groupSupervised", "督办完成", 7, 4)

# 催办 / 督办 of the 30-day filing limit
p.timer("filingReminder", "催办（30日的2/3）", "submitFiling", "${now().plusDays(20)}", at=0.25)
p.service("remindFiling", "催办备案", 25, 2, "notify", toGroup="owners-committee", kind="reminder",
          title="催办：${compoundName}业委会备案", body="请在选举结果公告后30日内向街道备案。")
p.end("filingReminded", "已催办", 25, 3)
p.timer("filingOverdue", "备案逾期（督办）", "submitFiling", "${now().plusDays(30)}", at=0.75)
p.service("escalateFiling", "逾期督办通知", 26, 2, "notify", toGroup="street-office", kind="escalation",
          title="督办：${compoundName}业委会逾期未备案", body="选举结果公告已满30日，业主委员会尚未备案。")
p.user("superviseFiling", "督促业委会备案", 26, 3, candidateGroups="street-office", dueDate="${workingDays(3)}", fields=[
    field("supervisionNote", "督办措施", required=True, maxlength=1000),
])
p.end("filingSupervised", "督办完成", 26, 4)

# 物业管理委员会 (§11, §12): conditions not met, or the owners' meeting failed twice
m = 5
p.user("appointManagement", "组建物业管理委员会（指定成员）", 6, m, candidateGroups="street-office", dueDate="${workingDays(15)}", fields=[
    field("managementMembers", "物业管理委员会成员（社区、业主代表等）", required=True, maxlength=2000),
])
p.service("postManagement", "公示物业管理委员会成员", 7, m, "postPublicNotice", days="7",
          title="${compoundName}物业管理委员会成员公示", body="成员：${managementMembers}。公示期内业主可向街道提出异议。")
p.timer_catch("managementNoticeWait", "公示期满", 8, m, "${date(noticeUntil)}")
p.user("managementObjections", "物业管理委员会成员公示异议处理", 9, m, candidateGroups="street-office", dueDate=OBJECTION_DUE, fields=objection_fields())
p.gateway("managementObjectionGw", "异议是否成立", 10, m, default="f_registerManagement")
p.service("registerManagement", "登记物业管理委员会", 11, m, "setCommitteeStatus", status="management-committee")
p.service("notifyManagement", "通知申请人", 12, m, "notify", to="${initiator}", kind="result",
          title="${compoundName}物业管理委员会已成立", body="成员：${managementMembers}")
p.end("managementEstablished", "物业管理委员会成立", 13, m, terminate=True)

n = p.nodes
p.flow("f_lookup", "applied", "lookup")
p.flow("f_existingGw", "lookup", "existingGw")
p.flow("f_hasCommittee", "existingGw", "alreadyHas", "已有业委会", "${committeeStatus == 'owners-committee'}")
p.flow("f_noCommittee", "existingGw", "assess", "尚无业委会")
p.flow("f_review", "assess", "reviewConditions")
p.flow("f_reviewGw", "reviewConditions", "reviewGw")
p.flow("f_reject", "reviewGw", "notifyRejected", "不予受理", "${reviewDecision == 'reject' || !applicationValid}")
p.flow("f_rejected", "notifyRejected", "rejected")
p.flow("f_accept", "reviewGw", "formGroup", "具备条件", "${reviewDecision == 'accept' && conditionsMet}")
p.flow("f_toManagement", "reviewGw", "appointManagement", "不具备条件")
p.flow("f_postGroup", "formGroup", "postGroupList")
p.flow("f_groupWait", "postGroupList", "groupNoticeWait")
p.flow("f_groupObjections", "groupNoticeWait", "groupObjections")
p.flow("f_groupObjectionGw", "groupObjections", "groupObjectionGw")
p.flow("f_groupNoObjection", "groupObjectionGw", "prepareMeeting", "无异议或异议不成立")
p.flow("f_groupObjectionUpheld", "groupObjectionGw", "formGroup", "异议成立，重新确定筹备组", "${objectionResult == 'upheld'}",
       via=[(n["groupObjectionGw"].cx, TOP - 60), (n["formGroup"].cx + 30, TOP - 60)])
p.flow("f_nominate", "prepareMeeting", "nominate")
p.flow("f_communityCheck", "nominate", "communityCheck")
p.flow("f_streetCheck", "communityCheck", "streetCheck")
p.flow("f_qualGw", "streetCheck", "qualGw")
p.flow("f_qualPassed", "qualGw", "postCandidates", "资格审查通过", "${communityQualified == 'pass' && streetQualified == 'pass'}")
p.flow("f_qualFailed", "qualGw", "nominate", "资格审查不通过", via=[(n["qualGw"].cx, TOP + 40), (n["nominate"].cx - 20, TOP + 40)])
p.flow("f_candidateWait", "postCandidates", "candidateNoticeWait")
p.flow("f_candidateObjections", "candidateNoticeWait", "candidateObjections")
p.flow("f_candidateObjectionGw", "candidateObjections", "candidateObjectionGw")
p.flow("f_candidateNoObjection", "candidateObjectionGw", "firstRound", "无异议或异议不成立")
p.flow("f_candidateObjectionUpheld", "candidateObjectionGw", "nominate", "异议成立，重新推荐候选人", "${objectionResult == 'upheld'}",
       via=[(n["candidateObjectionGw"].cx, TOP - 60), (n["nominate"].cx - 40, TOP - 60)])
p.flow("f_openVote", "firstRound", "openVote")
p.flow("f_voteClosed", "openVote", "voteClosed")
p.flow("f_voteGw", "voteClosed", "voteGw")
p.flow("f_approved", "voteGw", "postResults", "表决通过", "${ballotApproved}")
p.flow("f_revote", "voteGw", "secondRound", "未达法定人数，重新表决", "${!ballotQuorum && voteRound < 2}")
p.flow("f_secondVote", "secondRound", "openVote")
p.flow("f_failedTwice", "voteGw", "appointManagement", "再次未达法定人数", "${!ballotQuorum}",
       via=[(n["voteGw"].cx, TOP + 6 * ROW + 40), (n["appointManagement"].cx, TOP + 6 * ROW + 40)])
p.flow("f_voteRejected", "voteGw", "nominate", "未获通过，重新推荐",
       via=[(n["voteGw"].cx + 10, TOP - 30), (n["nominate"].cx + 20, TOP - 30)])
p.flow("f_submitFiling", "postResults", "submitFiling")
p.flow("f_acceptFiling", "submitFiling", "acceptFiling")
p.flow("f_filingGw", "acceptFiling", "filingGw")
p.flow("f_filingAccepted", "filingGw", "registerCommittee", "予以备案", "${filingDecision == 'accept'}")
p.flow("f_filingReturned", "filingGw", "submitFiling", "退回补正", via=[(n["filingGw"].cx, TOP + 40), (n["submitFiling"].cx, TOP + 40)])
p.flow("f_notifyEstablished", "registerCommittee", "notifyEstablished")
p.flow("f_established", "notifyEstablished", "established")
p.flow("f_remindGroup", "groupReminder", "remindGroup")
p.flow("f_groupReminded", "remindGroup", "groupReminded")
p.flow("f_escalateGroup", "groupOverdue", "escalateGroup")
p.flow("f_superviseGroup", "escalateGroup", "superviseGroup")
p.flow("f_groupSupervised", "superviseGroup", "groupSupervised")
p.flow("f_remindFiling", "filingReminder", "remindFiling")
p.flow("f_filingReminded", "remindFiling", "filingReminded")
p.flow("f_escalateFiling", "filingOverdue", "escalateFiling")
p.flow("f_superviseFiling", "escalateFiling", "superviseFiling")
p.flow("f_filingSupervised", "superviseFiling", "filingSupervised")
p.flow("f_postManagement", "appointManagement", "postManagement")
p.flow("f_managementWait", "postManagement", "managementNoticeWait")
p.flow("f_managementObjections", "managementNoticeWait", "managementObjections")
p.flow("f_managementObjectionGw", "managementObjections", "managementObjectionGw")
p.flow("f_registerManagement", "managementObjectionGw", "registerManagement", "无异议或异议不成立")
p.flow("f_managementObjectionUpheld", "managementObjectionGw", "appointManagement", "异议成立，重新指定成员", "${objectionResult == 'upheld'}",
       via=[(n["managementObjectionGw"].cx, TOP + 5 * ROW + 100), (n["appointManagement"].cx + 30, TOP + 5 * ROW + 100)])
p.flow("f_notifyManagement", "registerManagement", "notifyManagement")
p.flow("f_managementEstablished", "notifyManagement", "managementEstablished")

p.write()

