"""Writes definitions/emergency-repair.bpmn (P2 维修资金应急使用). Run: python3 definitions/tools/emergency_repair.py"""
import os
from bpmngen import Process, Field

KINDS = [("elevator", "电梯严重故障"), ("fire-facilities", "消防设施、器材严重损坏"), ("facade", "建筑外立面有脱落危险"),
         ("wall-road", "围墙、道路坍塌"), ("leakage", "屋面、外墙渗漏"), ("drainage", "排水设施严重堵塞或损坏")]
FIRM = {"to": "${initiator}", "toGroup": "property-firm"}

p = Process("emergency-repair", "维修资金应急使用",
            "《行动方案》第七、二十三条：六类紧急情况（电梯严重故障；消防设施、器材严重损坏；建筑外立面有脱落危险；围墙、道路坍塌；"
            "屋面、外墙渗漏；排水设施严重堵塞或损坏）使用专项维修资金应急维修。启动变量：emergencyKind（六类之一）、description、photos、"
            "repairPlan、budget（元）、contractor、plannedDays（计划工期，日历天）、affectedUnits（受益的幢、单元或房号，空为全小区）。")
M = 3

p.start("start", "报告紧急维修", 0, M, initiator="initiator")
p.service("lookupCompound", "查询小区信息", 1, M, "lookupCompound")
p.gateway("planLoop", "提交维修方案", 2, M)
p.gateway("committeeGateway", "是否有业委会或物管会", 3, M, default="f_committeeGateway_streetOrganise")
PLAN_FORM = [
    Field("planDecision", "审核意见", "enum", required=True, values=[("agree", "同意维修方案"), ("revise", "退回修改")]),
    Field("planOpinion", "审核说明", required=True)]
p.user("committeeReview", "业委会审核维修方案", 4, M - 2, groups="owners-committee", due="${hours(24)}", form=PLAN_FORM)
p.timer_boundary("committeeLate", "业委会审核超时", "committeeReview", "${hours(24)}")
p.service("notifyCommitteeLate", "通知街道督办业委会审核", 5, M - 1, "notify", {
    "toGroup": "street-office", "kind": "escalation",
    "title": "督办：${compoundName}应急维修方案超过24小时未审核", "body": "${description}"})
p.end("committeeLateEnd", "督办已发出", 6, M - 1)
p.user("streetOrganise", "街道代为组织审核维修方案", 4, M + 2, groups="street-office", due="${hours(24)}", form=PLAN_FORM,
       doc="未成立业主委员会（物业管理委员会）的小区，由镇（街）园区代为组织（第七条）。")
p.timer_boundary("streetOrganiseLate", "代为组织超时", "streetOrganise", "${hours(24)}")
p.service("notifyStreetOrganiseLate", "通知住建局督办", 5, M + 3, "notify", {
    "toGroup": "housing-bureau", "kind": "escalation",
    "title": "督办：${compoundName}应急维修方案超过24小时未组织审核", "body": "${description}"})
p.end("streetOrganiseLateEnd", "督办已发出", 6, M + 3)
p.gateway("planGateway", "方案审核结果", 5, M, default="f_planGateway_confirmEmergency")
p.user("revisePlan", "物业修改维修方案", 6, M + 2, groups="property-firm", form=[
    Field("repairPlan", "维修方案", required=True),
    Field("budget", "预算金额（元）", "long", required=True, min=1),
    Field("contractor", "施工单位", required=True),
    Field("plannedDays", "计划工期（天）", "long", required=True, min=1),
    Field("affectedUnits", "分摊范围：受益的幢、单元或房号（逗号分隔，空为全小区）", maxlength=2000)])

p.user("confirmEmergency", "街道（社区）确认险情", 6, M, groups="street-office,community", due="${hours(24)}", form=[
    Field("emergencyConfirmed", "是否属于紧急情况", "enum", required=True, values=[("yes", "属于紧急情况"), ("no", "不属于紧急情况")]),
    Field("emergencyKind", "紧急情况类别", "enum", required=True, default="${emergencyKind}", values=KINDS),
    Field("confirmNote", "现场确认情况", required=True)])
p.timer_boundary("confirmLate", "确认险情超时", "confirmEmergency", "${hours(24)}")
p.service("notifyConfirmLate", "通知住建局督办确认", 7, M + 1, "notify", {
    "toGroup": "housing-bureau", "kind": "escalation",
    "title": "督办：${compoundName}应急维修超过24小时未确认险情", "body": "${description}"})
p.end("confirmLateEnd", "督办已发出", 8, M + 1)
p.gateway("emergencyGateway", "是否紧急", 7, M, default="f_emergencyGateway_bureauApprove")
p.service("notifyNotEmergency", "告知按正常程序申请", 8, M - 2, "notify", dict(FIRM, **{
    "kind": "result", "title": "${compoundName}维修申请不属于紧急情况",
    "body": "经街道现场确认不属于紧急情况（${confirmNote}），请按维修资金正常使用程序（fund-normal-use）申请。"}))
p.end("notEmergencyEnd", "不属于紧急情况，结束", 9, M - 2)

p.user("bureauApprove", "维修资金管理中心审核拨付", 8, M, groups="housing-bureau", due="${workingDays(2)}", form=[
    Field("bureauDecision", "审核结论", "enum", required=True, values=[("approve", "核准拨付"), ("supplement", "补充材料"), ("refuse", "不予核准")]),
    Field("approvedBudget", "核定金额（元，不填按申请预算）", "long", default="${budget}", min=1),
    Field("bureauOpinion", "审核意见（不予核准时为理由）", required=True)])
p.timer_boundary("bureauLate", "审核超时", "bureauApprove", "${workingDays(2)}")
p.service("notifyBureauLate", "通知住建局督办拨付审核", 9, M + 1, "notify", {
    "toGroup": "housing-bureau", "kind": "escalation",
    "title": "督办：${compoundName}应急维修资金超过2个工作日未审核", "body": "${description}"})
p.end("bureauLateEnd", "督办已发出", 10, M + 1)
p.gateway("bureauGateway", "审核结论", 9, M, default="f_bureauGateway_settleBudget")
p.user("supplementMaterial", "物业补充材料", 10, M - 1, groups="property-firm", form=[
    Field("supplementNote", "补充材料说明", required=True),
    Field("budget", "预算金额（元）", "long", required=True, min=1)])
p.service("notifyRefused", "告知不予核准及理由", 10, M - 2, "notify", dict(FIRM, **{
    "kind": "result", "title": "${compoundName}应急维修资金申请不予核准",
    "body": "维修资金管理中心不予核准：${bureauOpinion}"}))
p.service("notifyRefusedStreet", "告知街道不予核准", 11, M - 2, "notify", {
    "toGroup": "street-office", "kind": "result", "title": "${compoundName}应急维修资金申请不予核准",
    "body": "维修资金管理中心不予核准：${bureauOpinion}。险情处置请另行组织。"})
p.end("refusedEnd", "不予核准，结束", 12, M - 2)
p.service("settleBudget", "确定核定金额", 10, M, "firstOf", {"variable": "approvedBudget", "from": "approvedBudget,budget"},
          doc="中心未填写核定金额时，按申请预算核定。")
p.service("setPrepaymentRatio", "预付比例", 11, M, "setVariables", {"prepaymentRatio": "${0.5}"},
          doc="应急维修核准后预付款比例，默认50%。")
p.service("computePrepayment", "计算预付款", 12, M, "setVariables",
          {"prepayment": "${approvedBudget * prepaymentRatio}"},
          doc="预付比例默认50%（prepaymentRatio），预付款 = 核定金额 × 预付比例。")
p.service("notifyApproved", "通知物业资金核准", 13, M, "notify", dict(FIRM, **{
    "kind": "result", "title": "${compoundName}应急维修资金已核准",
    "body": "核定金额 ${approvedBudget} 元，预付 ${prepayment} 元。请组织施工并报告开工、竣工。"}))
p.service("postWorkNotice", "事中公示维修方案和预算", 14, M, "postPublicNotice", {
    "title": "${compoundName}应急维修公示", "days": "7",
    "body": "维修方案：${repairPlan}；核定金额：${approvedBudget} 元；施工单位：${contractor}。"})
p.user("startReport", "物业报告开工", 15, M, groups="property-firm", form=[
    Field("startedOn", "开工日期", "date", required=True),
    Field("startNote", "开工情况", required=True)])
COMPLETION_DUE = "${now().plusDays(plannedDays)}"
p.user("completionReport", "施工并报告竣工", 16, M, groups="property-firm", due=COMPLETION_DUE, form=[
    Field("completedOn", "竣工日期", "date", required=True),
    Field("completionNote", "竣工情况", required=True)])
p.timer_boundary("overdueReminder", "超过计划工期催办", "completionReport", COMPLETION_DUE)
p.timer_boundary("overdueEscalation", "超期2个工作日督办", "completionReport", "${workingDays(now().plusDays(plannedDays), 2)}", slot=1)
p.service("notifyOverdue", "催办物业", 17, M + 2, "notify", dict(FIRM, **{
    "kind": "reminder", "title": "催办：${compoundName}应急维修已超过计划工期", "body": "计划工期 ${plannedDays} 天"}))
p.end("overdueReminderEnd", "催办已发出", 18, M + 2)
p.service("notifyOverdueStreet", "通知街道督办施工", 17, M + 3, "notify", {
    "toGroup": "street-office", "kind": "escalation",
    "title": "督办：${compoundName}应急维修超过计划工期仍未竣工", "body": "计划工期 ${plannedDays} 天"})
p.end("overdueEscalationEnd", "督办已发出", 18, M + 3)

p.gateway("acceptGateway", "由谁验收", 17, M, default="f_acceptGateway_streetAccept")
ACCEPT_FORM = [
    Field("accepted", "验收结论", "enum", required=True, values=[("pass", "验收合格"), ("fail", "验收不合格，返工")]),
    Field("acceptanceNote", "验收意见", required=True)]
p.user("committeeAccept", "业委会会同物业竣工验收", 18, M - 1, groups="owners-committee", form=ACCEPT_FORM)
p.user("streetAccept", "街道会同物业竣工验收", 18, M + 1, groups="street-office", form=ACCEPT_FORM)
p.gateway("acceptedGateway", "验收结论", 19, M, default="f_acceptedGateway_settlement")
p.user("settlement", "物业提交结算", 20, M, groups="property-firm", form=[
    Field("finalCost", "结算金额（元）", "long", required=True, min=0),
    Field("settlementNote", "结算说明", required=True)])
p.service("computeShares", "计算尾款", 21, M, "setVariables",
          {"remainingPayment": "${finalCost - prepayment}"},
          doc="尾款 = 结算金额 − 预付款（为负数时应退回）。")
p.service("shareCost", "按建筑面积分摊到受益业主", 22, M, "shareCostByArea", {"amount": "${finalCost}", "affectedFrom": "affectedUnits"},
          doc="按业主名册中受益范围（affectedUnits：幢、单元或房号；空为全小区）各户面积分摊结算金额（costShares、ownerShares），"
              "以分为单位，尾差按最大余数法分配，合计等于结算金额；名册未登记且未指定范围时按小区总建筑面积计算每平方米分摊额。")
# An affected building/unit the owners' register does not have: the firm corrects the list (BPMN error from the handler)
shareHost = p.nodes["shareCost"]
unknown = p._add("boundaryEvent", "affectedUnknown", "分摊范围不在业主名册中", shareHost.col, shareHost.row, shareHost.parent,
                 attachedToRef="shareCost", cancelActivity="true")
unknown.attached, unknown.slot = shareHost, 0
unknown.body = '<bpmn:errorEventDefinition id="affectedUnknown_def" errorRef="Error_affectedUnitsUnknown" />'
p.user("correctAffectedUnits", "更正分摊范围", 22, M + 2, groups="property-firm", due="${workingDays(2)}", form=[
    Field("affectedUnits", "分摊范围：受益的幢、单元或房号（逗号分隔，须为业主名册中的编号）", required=True, default="${affectedUnits}", maxlength=2000)],
    doc="分摊范围中有业主名册没有的幢、单元或房号：请按名册编号更正（或请社区先补登名册）。")
p.service("postSettlementNotice", "公示结算和分摊", 23, M, "postPublicNotice", {
    "title": "${compoundName}应急维修结算公示", "days": "7",
    "body": "结算金额 ${finalCost} 元，已预付 ${prepayment} 元，尾款 ${remainingPayment} 元；由受益范围内 ${sharedUnitCount} 户按建筑面积分摊，每平方米 ${costPerSquareMetre} 元（共 ${sharedArea} 平方米），各户分摊额见分摊明细。"})
p.user("postAudit", "维修资金管理中心事后审核", 24, M, groups="housing-bureau", form=[
    Field("auditResult", "审核结论", "enum", required=True, values=[("pass", "审核通过"), ("adjust", "审核调整")]),
    Field("auditNote", "审核意见", required=True)])
p.service("notifyAudit", "通知物业审核结论", 25, M, "notify", dict(FIRM, **{
    "kind": "result", "title": "${compoundName}应急维修事后审核：${auditResult == 'pass' ? '通过' : '调整'}", "body": "${auditNote}"}))
p.end("done", "办结", 26, M)

p.flow("start", "lookupCompound")
p.flow("lookupCompound", "planLoop")
p.flow("planLoop", "committeeGateway")
p.flow("committeeGateway", "committeeReview", name="有业委会", cond="${hasCommittee}")
p.flow("committeeGateway", "streetOrganise", name="无业委会，街道代为组织")
p.flow("committeeLate", "notifyCommitteeLate")
p.flow("notifyCommitteeLate", "committeeLateEnd")
p.flow("streetOrganiseLate", "notifyStreetOrganiseLate")
p.flow("notifyStreetOrganiseLate", "streetOrganiseLateEnd")
p.flow("committeeReview", "planGateway")
p.flow("streetOrganise", "planGateway")
p.flow("planGateway", "revisePlan", name="退回修改", cond="${planDecision == 'revise'}")
p.flow("revisePlan", "planLoop", via=M + 2.55)
p.flow("planGateway", "confirmEmergency", name="同意")
p.flow("confirmLate", "notifyConfirmLate")
p.flow("notifyConfirmLate", "confirmLateEnd")
p.flow("confirmEmergency", "emergencyGateway")
p.flow("emergencyGateway", "notifyNotEmergency", name="不属于紧急情况", cond="${emergencyConfirmed == 'no'}")
p.flow("notifyNotEmergency", "notEmergencyEnd")
p.flow("emergencyGateway", "bureauApprove", name="属于紧急情况")
p.flow("bureauLate", "notifyBureauLate")
p.flow("notifyBureauLate", "bureauLateEnd")
p.flow("bureauApprove", "bureauGateway")
p.flow("bureauGateway", "supplementMaterial", name="补充材料", cond="${bureauDecision == 'supplement'}")
p.flow("supplementMaterial", "bureauApprove", via=M - 1.6)
p.flow("bureauGateway", "notifyRefused", name="不予核准", cond="${bureauDecision == 'refuse'}")
p.flow("notifyRefused", "notifyRefusedStreet")
p.flow("notifyRefusedStreet", "refusedEnd")
p.flow("bureauGateway", "settleBudget", name="核准")
p.flow("settleBudget", "setPrepaymentRatio")
p.flow("setPrepaymentRatio", "computePrepayment")
p.flow("computePrepayment", "notifyApproved")
p.flow("notifyApproved", "postWorkNotice")
p.flow("postWorkNotice", "startReport")
p.flow("startReport", "completionReport")
p.flow("overdueReminder", "notifyOverdue")
p.flow("notifyOverdue", "overdueReminderEnd")
p.flow("overdueEscalation", "notifyOverdueStreet")
p.flow("notifyOverdueStreet", "overdueEscalationEnd")
p.flow("completionReport", "acceptGateway")
p.flow("acceptGateway", "committeeAccept", name="业委会验收", cond="${hasCommittee}")
p.flow("acceptGateway", "streetAccept", name="街道验收")
p.flow("committeeAccept", "acceptedGateway")
p.flow("streetAccept", "acceptedGateway")
p.flow("acceptedGateway", "completionReport", name="不合格，返工", cond="${accepted == 'fail'}", via=M - 2.5)
p.flow("acceptedGateway", "settlement", name="合格")
p.flow("settlement", "computeShares")
p.flow("computeShares", "shareCost")
p.flow("shareCost", "postSettlementNotice")
p.flow("affectedUnknown", "correctAffectedUnits")
p.flow("correctAffectedUnits", "shareCost")
p.flow("postSettlementNotice", "postAudit")
p.flow("postAudit", "notifyAudit")
p.flow("notifyAudit", "done")

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "emergency-repair.bpmn"), "w", encoding="utf-8") as fh:
    fh.write(p.xml().replace("  <bpmn:process ", '  <bpmn:error id="Error_affectedUnitsUnknown" name="分摊范围不在业主名册中" '
                             'errorCode="affected-units-unknown" />\n  <bpmn:process ', 1))

import starters  # noqa: E402  (who may start it, and its start form)
starters.apply_all()
