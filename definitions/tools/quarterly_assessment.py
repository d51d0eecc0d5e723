"""Generates definitions/quarterly-assessment.bpmn and definitions/quarterly-assessment-compound.bpmn (P5 红黑榜).

    python3 definitions/tools/quarterly_assessment.py

Every number of the procedure (cron, working days, weights, deduction, list shares) is here and lands in the
BPMN; the Host's handlers read them from the files, never from C#.
"""
from bpmnwriter import Process, field, row_y

SCORE = {"required": True, "min": 0, "max": 100}
# The objection period (异议期) before the lists are published: ours (the action plan gives none; 5 working days is
# the usual period for objections to a 公示 in Jiangsu's practice).
OBJECTION_LIMIT = "${workingDays(5)}"


def city():
    p = Process("quarterly-assessment", "物业服务项目“红黑榜”季度考核",
                "§13、§14、§15：每季度首个工作日启动，对全市有物业服务的小区并行考核，"
                "加权计分（投诉扣分），全市排名，发布红榜、黑榜；一年（4个季度）内两次列入黑榜的企业由所在镇（街）督办并记入信用记录。")
    r = 1  # the main line's row
    # Cron: 09:00 on the 1st of January, April, July, October (China Standard Time).
    p.start("quarterStart", "每季度首日 9:00 定时启动", 0, r, cycle="0 0 9 1 1/3 ?")
    # The cron cannot know holidays: wait until the first working day on or after day 1, 09:00.
    # workingDays(d, 1) from the day before gives day 1 itself when it is a working day, else the next one.
    p.timer_catch("waitFirstWorkingDay", "等待季度首个工作日", 1, r, "${workingDays(now().minusDays(1), 1)}")
    p.start("manualStart", "按需启动（管理员）", 1, r + 1, initiator="initiator")
    p.gateway("startMerge", "开始考核", 2, r)
    p.service("listCompounds", "列出有物业服务的小区", 3, r, "listManagedCompounds")
    p.call("assessCompound", "各小区并行考核", 4, r, "quarterly-assessment-compound",
           inputs=[("compound", "compound"), ("quarter", "quarter")], props={"jurisdiction": "${compound}"},
           multi=("${compounds}", "compound"))
    # Objection period (异议期) before publication: the ranking as it stands; the firm of each compound on the
    # provisional black list may object within OBJECTION_LIMIT; the housing bureau answers (upholds or corrects the
    # score, with the reason); then the lists are ranked again and published.
    p.service("rankLists", "全市排名（公示前）", 5, r, "publishAssessmentLists", redShare="0.1", blackShare="0.1", stage="provisional")
    p.gateway("provisionalGateway", "拟列入黑榜？", 6, r, default="f_pgw_publish")

    o = r + 2  # the objection period's row
    S = "objectionPeriod"
    p.subprocess(S, "异议期（拟列入黑榜的企业）", multi=("${provisionalBlack}", "objectionEntry"))
    p.start("objectionStart", "告知拟列入黑榜", 7, o, parent=S)
    p.user("firmObjection", "物业企业确认或提出异议", 8, o, parent=S, candidateGroups="property-firm", dueDate=OBJECTION_LIMIT,
           doc="本小区拟列入本季度物业服务项目黑榜（见 objectionEntry：小区、排名、综合得分）。如有异议，请在5个工作日内说明理由；逾期视为无异议。",
           fields=[
               field("objects", "是否提出异议", "enum", [("none", "无异议"), ("object", "提出异议")], required=True),
               field("objectionText", "异议理由", maxlength=2000),
           ], props={"jurisdiction": "${objectionEntry.compound}"})
    p.timer("objectionTimeout", "异议期届满", "firmObjection", OBJECTION_LIMIT, interrupting=True, at=0.5)
    p.gateway("objectsGateway", "提出异议？", 9, o, default="o_gw_none", parent=S)
    p.user("answerObjection", "住建局答复异议", 10, o, parent=S, candidateGroups="housing-bureau", dueDate="${workingDays(5)}",
           doc="拟列入黑榜小区的物业企业提出异议（objectionText）。维持原结果，或更正综合得分（填写更正后的得分），均须说明理由；"
               "答复告知企业，公布的榜单按更正后的得分排名。",
           fields=[
               field("objectionDecision", "答复结论", "enum", [("uphold", "维持考核结果"), ("correct", "异议成立，更正综合得分")], required=True),
               field("correctedScore", "更正后的综合得分（0–100，更正时填写）", "double", min=0, max=100),
               field("objectionAnswer", "答复意见", required=True, maxlength=2000),
           ], props={"jurisdiction": "${objectionEntry.compound}"})
    p.service("recordAnswer", "记录答复并告知企业", 11, o, "answerAssessmentObjection", parent=S)
    p.end("objectionAnswered", "已答复", 12, o, parent=S)
    p.end("noObjection", "无异议", 9, o + 1, parent=S)
    p.flow("o_start_firm", "objectionStart", "firmObjection")
    p.flow("o_firm_gw", "firmObjection", "objectsGateway")
    p.flow("o_gw_answer", "objectsGateway", "answerObjection", "提出异议", "${objects == 'object'}")
    p.flow("o_gw_none", "objectsGateway", "noObjection", "无异议")
    p.flow("o_answer_record", "answerObjection", "recordAnswer")
    p.flow("o_record_end", "recordAnswer", "objectionAnswered")
    p.flow("o_timeout_end", "objectionTimeout", "noObjection", "逾期视为无异议")

    p.service("publishLists", "全市排名并发布红黑榜", 13, r, "publishAssessmentLists", redShare="0.1", blackShare="0.1",
              # 多次列入黑榜 (§14): 2 times within 4 quarters (a year), this one included
              repeatTimes="2", repeatWindow="4")
    p.gateway("twiceGateway", "有多次列入黑榜的企业？", 14, r, default="f_gw_end")
    p.user("supervise", "督办多次列入黑榜的企业", 15, r + 1, candidateGroups="street-office", dueDate="${workingDays(10)}", fields=[
        field("supervisionMeasures", "督办措施及整改要求", required=True, maxlength=2000),
        field("rectificationDeadline", "整改期限", "date"),
    ], props={"jurisdiction": "${twice.streetPath}"}, multi=("${blackRepeated}", "twice"))
    p.end("endSupervised", "督办完成", 16, r + 1)
    p.end("endPublished", "考核结束", 16, r)

    p.flow("f_cron_wait", "quarterStart", "waitFirstWorkingDay")
    p.flow("f_wait_merge", "waitFirstWorkingDay", "startMerge")
    p.flow("f_manual_merge", "manualStart", "startMerge")
    p.flow("f_merge_list", "startMerge", "listCompounds")
    p.flow("f_list_assess", "listCompounds", "assessCompound")
    p.flow("f_assess_rank", "assessCompound", "rankLists")
    p.flow("f_rank_gw", "rankLists", "provisionalGateway")
    p.flow("f_pgw_objection", "provisionalGateway", S, "有", "${provisionalBlack.size() > 0}")
    p.flow("f_pgw_publish", "provisionalGateway", "publishLists", "无")
    p.flow("f_objection_publish", S, "publishLists")
    p.flow("f_publish_gw", "publishLists", "twiceGateway")
    p.flow("f_gw_supervise", "twiceGateway", "supervise", "有", "${blackRepeated.size() > 0}")
    p.flow("f_supervise_end", "supervise", "endSupervised")
    p.flow("f_gw_end", "twiceGateway", "endPublished", "无")
    return p


def compound():
    p = Process("quarterly-assessment-compound", "物业服务项目季度考核（单个小区）",
                "由“红黑榜”季度考核按小区调用，实例辖区为该小区：业主满意度测评、业委会评价（无业委会时跳过）、"
                "社区巡查、镇（街）巡查并行评分，住建局复核（可调整分数并说明理由），计算综合得分。")
    p.error("adjustmentReasonMissing", "调整未说明理由", "adjustment-reason-missing")
    r = 2  # the main line's row
    due = "${workingDays(10)}"
    p.start("start", "开始小区考核", 0, r)
    p.service("lookup", "查询小区档案", 1, r, "lookupCompound")

    # Scoring subprocess: four inputs in parallel, 10 working days; 催办 at 7 and 督办 at 10 on the subprocess.
    S = "scoring"
    p.subprocess(S, "并行评分（10个工作日）")
    p.start("scoringStart", "开始评分", 2, r, parent=S)
    p.gateway("fork", "并行评分", 3, r, kind="parallel", parent=S)
    p.user("ownersSurvey", "录入业主满意度测评结果", 5, r - 2, parent=S, candidateGroups="community", dueDate=due,
           doc="社区组织业主满意度测评（问卷或入户），录入结果：满意度得分（百分制）与参与户数。业主投票服务上线后可改为线上测评。",
           fields=[
               field("ownersScore", "业主满意度得分（0–100）", "long", **SCORE),
               field("surveyRespondents", "参与测评户数", "long", required=True, min=0),
               field("surveyNote", "测评方式及说明", maxlength=1000),
           ])
    p.gateway("committeeGateway", "有业委会或物管会？", 4, r - 1, default="s_gw_none", parent=S)
    p.user("committeeScoring", "业委会评价合同履约情况", 5, r - 1, parent=S, candidateGroups="owners-committee", dueDate=due, fields=[
        field("committeeScore", "合同履约评价得分（0–100）", "long", **SCORE),
        field("committeeNote", "评价说明", maxlength=1000),
    ])
    p.gateway("committeeMerge", "业委会评价完成", 6, r - 1, parent=S)
    p.user("communityInspection", "社区巡查评分", 5, r + 1, parent=S, candidateGroups="community", dueDate=due, fields=[
        field("communityScore", "社区巡查得分（0–100）", "long", **SCORE),
        field("communityNote", "巡查发现的问题", maxlength=1000),
    ])
    p.user("streetInspection", "镇（街）巡查评分", 5, r + 2, parent=S, candidateGroups="street-office", dueDate=due, fields=[
        field("streetScore", "镇（街）巡查得分（0–100）", "long", **SCORE),
        field("streetNote", "巡查发现的问题", maxlength=1000),
    ])
    p.gateway("join", "评分汇总", 7, r, kind="parallel", parent=S)
    p.end("scoringEnd", "评分完成", 8, r, parent=S)
    n = p.nodes
    p.flow("s_start_fork", "scoringStart", "fork")
    p.flow("s_fork_owners", "fork", "ownersSurvey")
    p.flow("s_fork_committee", "fork", "committeeGateway")
    p.flow("s_fork_community", "fork", "communityInspection")
    p.flow("s_fork_street", "fork", "streetInspection")
    p.flow("s_owners_join", "ownersSurvey", "join")
    p.flow("s_gw_committee", "committeeGateway", "committeeScoring", "有", "${hasCommittee}")
    p.flow("s_gw_none", "committeeGateway", "committeeMerge", "无",
           via=[(n["committeeGateway"].cx, row_y(r - 0.5)), (n["committeeMerge"].cx, row_y(r - 0.5))])
    p.flow("s_committee_merge", "committeeScoring", "committeeMerge")
    p.flow("s_committee_join", "committeeMerge", "join", via=[(n["join"].cx, n["committeeMerge"].cy)])
    p.flow("s_community_join", "communityInspection", "join")
    p.flow("s_street_join", "streetInspection", "join")
    p.flow("s_join_end", "join", "scoringEnd")

    p.timer("scoringReminder", "评分催办（7个工作日）", S, "${workingDays(7)}", at=0.3)
    p.service("notifyReminder", "催办社区及镇（街）", 4.5, r + 3.5, "notify", send=True,
              toGroup="community", kind="reminder", title="催办：${quarter} 物业服务季度考核评分",
              body="${compoundName} 的季度考核评分将于 3 个工作日后到期，请督促尚未完成的评分（含业委会评价）。")
    p.end("reminderEnd", "已催办", 5.5, r + 3.5)
    p.timer("scoringOverdue", "评分督办（10个工作日）", S, "${workingDays(10)}", at=0.7)
    p.service("notifyOverdue", "督办：通知镇（街）", 7, r + 3.5, "notify", send=True,
              toGroup="street-office", kind="escalation", title="督办：${quarter} 物业服务季度考核评分逾期",
              body="${compoundName} 的季度考核评分已超过 10 个工作日，请督促完成。")
    p.end("overdueEnd", "已督办", 8, r + 3.5)

    p.user("bureauReview", "住建局复核", 9, r, candidateGroups="housing-bureau", dueDate="${workingDays(5)}",
           doc="复核各项评分并给出复核得分；可对综合得分加减分（-10 至 +10），调整须说明理由。", fields=[
               field("bureauScore", "复核得分（0–100）", "long", **SCORE),
               field("adjustment", "综合得分调整（-10 至 +10，0 为不调整）", "long", default=0, min=-10, max=10),
               field("adjustmentReason", "调整理由（调整时必填）", maxlength=1000),
           ])
    p.service("compute", "计算综合得分", 10, r, "computeAssessmentScore", async_before=True,
              wOwners="30", wCommittee="25", wCommunity="15", wStreet="15", wBureau="15",
              perComplaint="2", maxDeduction="20", reviewActivity="bureauReview",
              # Weight of one accepted complaint (rejected, duplicate and referred ones do not count): by the
              # complainant's satisfaction, or open; × cLateFactor when the firm reported after its limit.
              cSatisfied="0.5", cBasicallySatisfied="1", cDissatisfied="1.5", cOpen="1", cLateFactor="1.5")
    p.catch_error("reasonMissing", "调整未说明理由", "compute", "adjustmentReasonMissing", at=0.5)
    p.end("end", "得分已计算", 11, r)

    p.flow("f_start_lookup", "start", "lookup")
    p.flow("f_lookup_scoring", "lookup", S)
    p.flow("f_scoring_review", S, "bureauReview")
    p.flow("f_review_compute", "bureauReview", "compute")
    p.flow("f_compute_end", "compute", "end")
    p.flow("f_reminder_notify", "scoringReminder", "notifyReminder")
    p.flow("f_reminder_end", "notifyReminder", "reminderEnd")
    p.flow("f_overdue_notify", "scoringOverdue", "notifyOverdue")
    p.flow("f_overdue_end", "notifyOverdue", "overdueEnd")
    p.flow("f_reason_review", "reasonMissing", "bureauReview", "退回复核",
           via=[(n["reasonMissing"].cx, row_y(r + 0.6)), (n["bureauReview"].cx, row_y(r + 0.6))])
    return p


if __name__ == "__main__":
    city().write()
    compound().write()
