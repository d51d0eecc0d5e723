"""Writes definitions/emergency-repair.bpmn (P2 维修资金应急使用). Run: python3 definitions/tools/emergency_repair.py"""
from bpmnwriter import Process, field, row_y
from starters import EMERGENCIES as KINDS
FIRM = {"to": "${initiator}", "toGroup": "property-firm"}

p = Process("emergency-repair", "维修资金应急使用",
            "《行动方案》第七、二十三条：六类紧急情况（电梯严重故障；消防设施、器材严重损坏；建筑外立面有脱落危险；围墙、道路坍塌；"
            "屋面、外墙渗漏；排水设施严重堵塞或损坏）使用专项维修资金应急维修。启动变量：emergencyKind（六类之一）、description、photos、"
            "repairPlan、budget（元）、contractor、plannedDays（计划工期，日历天）、affectedUnits（受益的幢、单元或房号，空为全小区）。")
p.error("Error_affectedUnitsUnknown", "分摊范围不在业主名册中", "affected-units-unknown")
M = 3

p.start("start", "报告紧急维修", 0, M, initiator="initiator")
p.service("lookupCompound", "查询小区信息", 1, M, "lookupCompound")
p.gateway("planLoop", "提交维修方案", 2, M)
p.gateway("committeeGateway", "是否有业委会或物管会", 3, M, default="f_committeeGateway_streetOrganise")
PLAN_FORM = [
    field("planDecision", "审核意见", "enum", required=True, values=[("agree", "同意维修方案"), ("revise", "退回修改")]),
    field("planOpinion", "审核说明", required=True)]
p.user("committeeReview", "业委会审核维修方案", 4, M - 2, candidateGroups="owners-committee", dueDate="${hours(24)}", fields=PLAN_FORM)
p.timer("committeeLate", "业委会审核超时", "committeeReview", "${hours(24)}")
p.service("notifyCommitteeLate", "通知街道督办业委会审核", 5, M - 1, "notify",
          toGroup="street-office", kind="escalation",
          title="督办：${compoundName}应急维修方案超过24小时未审核", body="${description}")
p.end("committeeLateEnd", "督办已发出", 6, M - 1)
p.user("streetOrganise", "街道代为组织审核维修方案", 4, M + 2, candidateGroups="street-office", dueDate="${hours(24)}", fields=PLAN_FORM,
       doc="未成立业主委员会（物业管理委员会）的小区，由镇（街）园区代为组织（第七条）。")
p.timer("streetOrganiseLate", "代为组织超时", "streetOrganise", "${hours(24)}")
p.service("notifyStreetOrganiseLate", "通知住建局督办", 5, M + 3, "notify",
          toGroup="housing-bureau", kind="escalation",
          title="督办：${compoundName}应急维修方案超过24小时未组织审核", body="${description}")
p.end("streetOrganiseLateEnd", "督办已发出", 6, M + 3)
p.gateway("planGateway", "方案审核结果", 5, M, default="f_planGateway_confirmEmergency")
p.user("revisePlan", "物业修改维修方案", 6, M + 2, candidateGroups="property-firm", fields=[
    field("repairPlan", "维修方案", required=True),
    field("budget", "预算金额（元）", "long", required=True, min=1),
    field("contractor", "施工单位", required=True),
    field("plannedDays", "计划工期（天）", "long", required=True, min=1),
    field("affectedUnits", "分摊范围：受益的幢、单元或房号（逗号分隔，空为全小区）", maxlength=2000)])

p.user("confirmEmergency", "街道（社区）确认险情", 6, M, candidateGroups="street-office,community", dueDate="${hours(24)}", fields=[
    field("emergencyConfirmed", "是否属于紧急情况", "enum", required=True, values=[("yes", "属于紧急情况"), ("no", "不属于紧急情况")]),
    field("emergencyKind", "紧急情况类别", "enum", required=True, default="${emergencyKind}", values=KINDS),
    field("confirmNote", "现场确认情况", required=True)])
p.timer("confirmLate", "确认险情超时", "confirmEmergency", "${hours(24)}")
p.service("notifyConfirmLate", "通知住建局督办确认", 7, M + 1, "notify",
          toGroup="housing-bureau", kind="escalation",
          title="督办：${compoundName}应急维修超过24小时未确认险情", body="${description}")
p.end("confirmLateEnd", "督办已发出", 8, M + 1)
p.gateway("emergencyGateway", "是否紧急", 7, M, default="f_emergencyGateway_bureauApprove")
p.service("notifyNotEmergency", "告知按正常程序申请", 8, M - 2, "notify", **FIRM,
          kind="result", title="${compoundName}维修申请不属于紧急情况",
          body="经街道现场确认不属于紧急情况（${confirmNote}），请按维修资金正常使用程序（fund-normal-use）申请。")
p.end("notEmergencyEnd", "不属于紧急情况，结束", 9, M - 2)

p.user("bureauApprove", "维修资金管理中心审核拨付", 8, M, candidateGroups="housing-bureau", dueDate="${workingDays(2)}", fields=[
    field("bureauDecision", "审核结论", "enum", required=True, values=[("approve", "核准拨付"), ("supplement", "补充材料"), ("refuse", "不予核准")]),
    field("approvedBudget", "核定金额（元，不填按申请预算）", "long", default="${budget}", min=1),
    field("bureauOpinion", "审核意见（不予核准时为理由）", required=True)])
p.timer("bureauLate", "审核超时", "bureauApprove", "${workingDays(2)}")
p.service("notifyBureauLate", "通知住建局督办拨付审核", 9, M + 1, "notify",
          toGroup="housing-bureau", kind="escalation",
          title="督办：${compoundName}应急维修资金超过2个工作日未审核", body="${description}")
p.end("bureauLateEnd", "督办已发出", 10, M + 1)
p.gateway("bureauGateway", "审核结论", 9, M, default="f_bureauGateway_settleBudget")
p.user("supplementMaterial", "物业补充材料", 10, M - 1, candidateGroups="property-firm", fields=[
    field("supplementNote", "补充材料说明", required=True),
    field("budget", "预算金额（元）", "long", required=True, min=1)])
p.service("notifyRefused", "告知不予核准及理由", 10, M - 2, "notify", **FIRM,
          kind="result", title="${compoundName}应急维修资金申请不予核准",
          body="维修资金管理中心不予核准：${bureauOpinion}")
p.service("notifyRefusedStreet", "告知街道不予核准", 11, M - 2, "notify",
          toGroup="street-office", kind="result", title="${compoundName}应急维修资金申请不予核准",
          body="维修资金管理中心不予核准：${bureauOpinion}。险情处置请另行组织。")
p.end("refusedEnd", "不予核准，结束", 12, M - 2)
p.service("settleBudget", "确定核定金额", 10, M, "firstOf", variable="approvedBudget", **{"from": "approvedBudget,budget"},
          doc="中心未填写核定金额时，按申请预算核定。")
p.service("setPrepaymentRatio", "预付比例", 11, M, "setVariables", prepaymentRatio="${0.5}",
          doc="应急维修核准后预付款比例，默认50%。")
p.service("computePrepayment", "计算预付款", 12, M, "setVariables",
          prepayment="${approvedBudget * prepaymentRatio}",
          doc="预付比例默认50%（prepaymentRatio），预付款 = 核定金额 × 预付比例。")
p.service("notifyApproved", "通知物业资金核准", 13, M, "notify", **FIRM,
          kind="result", title="${compoundName}应急维修资金已核准",
          body="核定金额 ${approvedBudget} 元，预付 ${prepayment} 元。请组织施工并报告开工、竣工。")
p.service("postWorkNotice", "事中公示维修方案和预算", 14, M, "postPublicNotice",
          title="${compoundName}应急维修公示", days="7",
          body="维修方案：${repairPlan}；核定金额：${approvedBudget} 元；施工单位：${contractor}。")
p.user("startReport", "物业报告开工", 15, M, candidateGroups="property-firm", fields=[
    field("startedOn", "开工日期", "date", required=True),
    field("startNote", "开工情况", required=True)])
COMPLETION_DUE = "${now().plusDays(plannedDays)}"
p.user("completionReport", "施工并报告竣工", 16, M, candidateGroups="property-firm", dueDate=COMPLETION_DUE, fields=[
    field("completedOn", "竣工日期", "date", required=True),
    field("completionNote", "竣工情况", required=True)])
p.timer("overdueReminder", "超过计划工期催办", "completionReport", COMPLETION_DUE)
p.timer("overdueEscalation", "超期2个工作日督办", "completionReport", "${workingDays(now().plusDays(plannedDays), 2)}", at=0.45)
p.service("notifyOverdue", "催办物业", 17, M + 2, "notify", **FIRM,
          kind="reminder", title="催办：${compoundName}应急维修已超过计划工期", body="计划工期 ${plannedDays} 天")
p.end("overdueReminderEnd", "催办已发出", 18, M + 2)
p.service("notifyOverdueStreet", "通知街道督办施工", 17, M + 3, "notify",
          toGroup="street-office", kind="escalation",
          title="督办：${compoundName}应急维修超过计划工期仍未竣工", body="计划工期 ${plannedDays} 天")
p.end("overdueEscalationEnd", "督办已发出", 18, M + 3)

p.gateway("acceptGateway", "由谁验收", 17, M, default="f_acceptGateway_streetAccept")
ACCEPT_FORM = [
    field("accepted", "验收结论", "enum", required=True, values=[("pass", "验收合格"), ("fail", "验收不合格，返工")]),
    field("acceptanceNote", "验收意见", required=True)]
p.user("committeeAccept", "业委会会同物业竣工验收", 18, M - 1, candidateGroups="owners-committee", fields=ACCEPT_FORM)
p.user("streetAccept", "街道会同物业竣工验收", 18, M + 1, candidateGroups="street-office", fields=ACCEPT_FORM)
p.gateway("acceptedGateway", "验收结论", 19, M, default="f_acceptedGateway_settlement")
p.user("settlement", "物业提交结算", 20, M, candidateGroups="property-firm", fields=[
    field("finalCost", "结算金额（元）", "long", required=True, min=0),
    field("settlementNote", "结算说明", required=True)])
p.service("computeShares", "计算尾款", 21, M, "setVariables",
          remainingPayment="${finalCost - prepayment}",
          doc="尾款 = 结算金额 − 预付款（为负数时应退回）。")
p.service("shareCost", "按建筑面积分摊到受益业主", 22, M, "shareCostByArea", amount="${finalCost}", affectedFrom="affectedUnits",
          doc="按业主名册中受益范围（affectedUnits：幢、单元或房号；空为全小区）各户面积分摊结算金额（costShares、ownerShares），"
              "以分为单位，尾差按最大余数法分配，合计等于结算金额；名册未登记且未指定范围时按小区总建筑面积计算每平方米分摊额。")
# An affected building/unit the owners' register does not have: the firm corrects the list (BPMN error from the handler)
p.catch_error("affectedUnknown", "分摊范围不在业主名册中", "shareCost", "Error_affectedUnitsUnknown")
p.user("correctAffectedUnits", "更正分摊范围", 22, M + 2, candidateGroups="property-firm", dueDate="${workingDays(2)}", fields=[
    field("affectedUnits", "分摊范围：受益的幢、单元或房号（逗号分隔，须为业主名册中的编号）", required=True, default="${affectedUnits}", maxlength=2000)],
          doc="分摊范围中有业主名册没有的幢、单元或房号：请按名册编号更正（或请社区先补登名册）。")
p.service("postSettlementNotice", "公示结算和分摊", 23, M, "postPublicNotice",
          title="${compoundName}应急维修结算公示", days="7",
          body="结算金额 ${finalCost} 元，已预付 ${prepayment} 元，尾款 ${remainingPayment} 元；由受益范围内 ${sharedUnitCount} 户按建筑面积分摊，每平方米 ${costPerSquareMetre} 元（共 ${sharedArea} 平方米），各户分摊额见分摊明细。")
p.user("postAudit", "维修资金管理中心事后审核", 24, M, candidateGroups="housing-bureau", fields=[
    field("auditResult", "审核结论", "enum", required=True, values=[("pass", "审核通过"), ("adjust", "审核调整")]),
    field("auditNote", "审核意见", required=True)])
p.service("notifyAudit", "通知物业审核结论", 25, M, "notify", **FIRM,
          kind="result", title="${compoundName}应急维修事后审核：${auditResult == 'pass' ? '通过' : '调整'}", body="${auditNote}")
p.end("done", "办结", 26, M)

n = p.nodes
p.flow("f_start_lookupCompound", "start", "lookupCompound")
p.flow("f_lookupCompound_planLoop", "lookupCompound", "planLoop")
p.flow("f_planLoop_committeeGateway", "planLoop", "committeeGateway")
p.flow("f_committeeGateway_committeeReview", "committeeGateway", "committeeReview", "有业委会", "${hasCommittee}")
p.flow("f_committeeGateway_streetOrganise", "committeeGateway", "streetOrganise", "无业委会，街道代为组织")
p.flow("f_committeeLate_notifyCommitteeLate", "committeeLate", "notifyCommitteeLate")
p.flow("f_notifyCommitteeLate_committeeLateEnd", "notifyCommitteeLate", "committeeLateEnd")
p.flow("f_streetOrganiseLate_notifyStreetOrganiseLate", "streetOrganiseLate", "notifyStreetOrganiseLate")
p.flow("f_notifyStreetOrganiseLate_streetOrganiseLateEnd", "notifyStreetOrganiseLate", "streetOrganiseLateEnd")
p.flow("f_committeeReview_planGateway", "committeeReview", "planGateway")
p.flow("f_streetOrganise_planGateway", "streetOrganise", "planGateway")
p.flow("f_planGateway_revisePlan", "planGateway", "revisePlan", "退回修改", "${planDecision == 'revise'}")
p.flow("f_revisePlan_planLoop", "revisePlan", "planLoop", via=[(n["revisePlan"].cx, row_y(M + 2.55)), (n["planLoop"].cx, row_y(M + 2.55))])
p.flow("f_planGateway_confirmEmergency", "planGateway", "confirmEmergency", "同意")
p.flow("f_confirmLate_notifyConfirmLate", "confirmLate", "notifyConfirmLate")
p.flow("f_notifyConfirmLate_confirmLateEnd", "notifyConfirmLate", "confirmLateEnd")
p.flow("f_confirmEmergency_emergencyGateway", "confirmEmergency", "emergencyGateway")
p.flow("f_emergencyGateway_notifyNotEmergency", "emergencyGateway", "notifyNotEmergency", "不属于紧急情况", "${emergencyConfirmed == 'no'}")
p.flow("f_notifyNotEmergency_notEmergencyEnd", "notifyNotEmergency", "notEmergencyEnd")
p.flow("f_emergencyGateway_bureauApprove", "emergencyGateway", "bureauApprove", "属于紧急情况")
p.flow("f_bureauLate_notifyBureauLate", "bureauLate", "notifyBureauLate")
p.flow("f_notifyBureauLate_bureauLateEnd", "notifyBureauLate", "bureauLateEnd")
p.flow("f_bureauApprove_bureauGateway", "bureauApprove", "bureauGateway")
p.flow("f_bureauGateway_supplementMaterial", "bureauGateway", "supplementMaterial", "补充材料", "${bureauDecision == 'supplement'}")
p.flow("f_supplementMaterial_bureauApprove", "supplementMaterial", "bureauApprove", via=[(n["supplementMaterial"].cx, row_y(M - 1.6)), (n["bureauApprove"].cx, row_y(M - 1.6))])
p.flow("f_bureauGateway_notifyRefused", "bureauGateway", "notifyRefused", "不予核准", "${bureauDecision == 'refuse'}")
p.flow("f_notifyRefused_notifyRefusedStreet", "notifyRefused", "notifyRefusedStreet")
p.flow("f_notifyRefusedStreet_refusedEnd", "notifyRefusedStreet", "refusedEnd")
p.flow("f_bureauGateway_settleBudget", "bureauGateway", "settleBudget", "核准")
p.flow("f_settleBudget_setPrepaymentRatio", "settleBudget", "setPrepaymentRatio")
p.flow("f_setPrepaymentRatio_computePrepayment", "setPrepaymentRatio", "computePrepayment")
p.flow("f_computePrepayment_notifyApproved", "computePrepayment", "notifyApproved")
p.flow("f_notifyApproved_postWorkNotice", "notifyApproved", "postWorkNotice")
p.flow("f_postWorkNotice_startReport", "postWorkNotice", "startReport")
p.flow("f_startReport_completionReport", "startReport", "completionReport")
p.flow("f_overdueReminder_notifyOverdue", "overdueReminder", "notifyOverdue")
p.flow("f_notifyOverdue_overdueReminderEnd", "notifyOverdue", "overdueReminderEnd")
p.flow("f_overdueEscalation_notifyOverdueStreet", "overdueEscalation", "notifyOverdueStreet")
p.flow("f_notifyOverdueStreet_overdueEscalationEnd", "notifyOverdueStreet", "overdueEscalationEnd")
p.flow("f_completionReport_acceptGateway", "completionReport", "acceptGateway")
p.flow("f_acceptGateway_committeeAccept", "acceptGateway", "committeeAccept", "业委会验收", "${hasCommittee}")
p.flow("f_acceptGateway_streetAccept", "acceptGateway", "streetAccept", "街道验收")
p.flow("f_committeeAccept_acceptedGateway", "committeeAccept", "acceptedGateway")
p.flow("f_streetAccept_acceptedGateway", "streetAccept", "acceptedGateway")
p.flow("f_acceptedGateway_completionReport", "acceptedGateway", "completionReport", "不合格，返工", "${accepted == 'fail'}", 
       via=[(n["acceptedGateway"].cx, row_y(M - 2.5)), (n["completionReport"].cx, row_y(M - 2.5))])
p.flow("f_acceptedGateway_settlement", "acceptedGateway", "settlement", "合格")
p.flow("f_settlement_computeShares", "settlement", "computeShares")
p.flow("f_computeShares_shareCost", "computeShares", "shareCost")
p.flow("f_shareCost_postSettlementNotice", "shareCost", "postSettlementNotice")
p.flow("f_affectedUnknown_correctAffectedUnits", "affectedUnknown", "correctAffectedUnits")
p.flow("f_correctAffectedUnits_shareCost", "correctAffectedUnits", "shareCost")
p.flow("f_postSettlementNotice_postAudit", "postSettlementNotice", "postAudit")
p.flow("f_postAudit_notifyAudit", "postAudit", "notifyAudit")
p.flow("f_notifyAudit_done", "notifyAudit", "done")

p.write()

