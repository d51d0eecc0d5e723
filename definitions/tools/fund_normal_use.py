"""Generates definitions/fund-normal-use.bpmn (P6 维修资金一般使用). Run: python3 definitions/tools/fund_normal_use.py"""
import json

from bpmnwriter import Process, field, row_y, TOP

PLAN_QUESTIONS = json.dumps([
    {"id": "plan", "text": "同意${planYear}年度维修资金使用方案（年度维修计划）：${planTitle}，金额${planAmount}元，一次表决、${planYear}年内分批使用",
     "item": "${raisesFund ? 6 : 5}", "matter": "${raisesFund ? 'major' : 'ordinary'}"},
], ensure_ascii=False)
EXTRA_QUESTIONS = json.dumps([
    {"id": "draw", "text": "维修项目${drawItem}金额${drawAmount}元，其中${drawFromPlan}元在年度计划剩余额度内；同意使用超出部分${drawExcess}元",
     "item": 5, "matter": "ordinary"},
], ensure_ascii=False)


p = Process("fund-normal-use", "维修资金一般使用",
            "P6, action plan §7: plan by the committee or the firm for one calendar year (planYear) -> owners' vote (ordinary majority; "
            "major when the plan raises the fund) -> draws in batches within the approved annual amount without a new vote "
            "(一次表决、分批使用) until the year ends, the excess of a draw beyond what is left needs its own vote (the remainder is "
            "kept) -> contract -> pre-payment -> repair -> acceptance -> settlement shared over the owners of the units concerned "
            "and posting. See definitions/README.md.")
p.message("Msg_ballotClosed", "ballot-closed")
p.error("Error_affectedUnitsUnknown", "分摊范围不在业主名册中", "affected-units-unknown")

r = 1
p.start("planSubmitted", "提交维修资金使用方案", 0, r, initiator="initiator")
p.service("lookup", "查询小区信息", 1, r, "lookupCompound")
p.service("planYearEnds", "计划年度截止时间", 2, r, "setVariables",
          planExpiresAt="${planYear + 1}-01-01T00:00:00+08:00")
p.gateway("yearGw", "计划年度是否已过", 3, r, default="f_yearOver")
p.service("notifyYearOver", "告知计划年度已过", 3, 0, "notify", to="${initiator}", kind="result",
          title="维修资金使用方案所属年度已结束：${planTitle}", body="${planYear}年度计划不能再表决使用，请提交新年度的计划。")
p.end("yearOver", "年度已过", 4, 0, terminate=True)
p.service("openPlanVote", "业主大会表决使用方案", 5, r, "openBallot",
          title="${compoundName}维修资金使用方案表决：${planTitle}", questions=PLAN_QUESTIONS, days="10")
p.message_catch("planVoteClosed", "方案投票结束", 6, r, "Msg_ballotClosed")
p.gateway("planGw", "方案表决结果", 7, r, default="f_planRejected")
p.service("notifyPlanRejected", "告知方案未通过", 7, 0, "notify", to="${initiator}", kind="result",
          title="维修资金使用方案未获业主大会通过：${planTitle}", body="${compoundName}")
p.end("planRejected", "方案未通过", 8, 0, terminate=True)
p.service("recordPlan", "记录年度计划额度", 8, r, "setVariables",
          annualPlanRemaining="${planAmount}", drawCount="${0}", drawnTotal="${0}", extraVotes="${0}", extraApprovedTotal="${0}",
          affectedUnits="${''}")
p.user("requestDraw", "申请分批使用维修资金", 9, r, candidateGroups="owners-committee", dueDate="${workingDays(10)}", fields=[
    field("drawItem", "维修项目", required=True, maxlength=500),
    field("drawAmount", "申请金额（元）", "long", required=True, min=1),
    field("affectedUnits", "分摊范围：受益的幢、单元或房号（逗号分隔，空为全小区）", maxlength=2000),
])
p.service("splitDraw", "计划内与超出部分", 10, r, "setVariables",
          drawFromPlan="${drawAmount < annualPlanRemaining ? drawAmount : annualPlanRemaining}",
          drawExcess="${drawAmount > annualPlanRemaining ? drawAmount - annualPlanRemaining : 0}")
p.gateway("withinGw", "是否在计划剩余额度内", 11, r, default="f_beyondPlan")
p.service("openExtraVote", "超额部分业主表决", 12, 3, "openBallot",
          title="${compoundName}维修资金使用表决：${drawItem}", questions=EXTRA_QUESTIONS, days="10")
p.message_catch("extraVoteClosed", "投票结束", 13, 3, "Msg_ballotClosed")
p.gateway("extraGw", "表决结果", 14, 3, default="f_extraRejected")
p.service("raisePlan", "计入表决同意额度", 15, 3, "setVariables",
          extraVotes="${extraVotes + 1}", extraApprovedTotal="${extraApprovedTotal + drawExcess}")
p.service("notifyExtraRejected", "告知未获通过", 14, 4, "notify", toGroup="owners-committee", kind="result",
          title="维修项目未获业主大会通过：${drawItem}", body="申请金额${drawAmount}元超出年度计划剩余额度${annualPlanRemaining}元的部分${drawExcess}元未获表决通过；计划剩余额度不变。")
p.gateway("drawJoin", "进入实施", 16, r)
p.user("signContract", "签订维修合同", 17, r, candidateGroups="property-firm", dueDate="${workingDays(15)}", fields=[
    field("contractor", "施工单位", required=True, maxlength=200),
    field("contractAmount", "合同金额（元）", "long", required=True, min=1),
])
p.user("applyPrepayment", "申请预付款", 18, r, candidateGroups="owners-committee", dueDate="${workingDays(5)}", fields=[
    field("prepaymentAmount", "预付款金额（元）", "long", required=True, min=0),
])
p.user("approvePrepayment", "审核拨付预付款", 19, r, candidateGroups="housing-bureau", dueDate="${workingDays(5)}", fields=[
    field("prepaymentDecision", "审核结论", "enum", [("approve", "同意拨付"), ("return", "退回补正")], required=True),
    field("prepaymentNote", "审核意见", maxlength=1000),
])
p.gateway("prepaymentGw", "审核结论", 20, r, default="f_prepaymentReturned")
p.user("repair", "组织维修施工", 21, r, candidateGroups="property-firm", dueDate="${workingDays(30)}", fields=[
    field("repairReport", "施工情况", required=True, maxlength=2000),
])
p.user("acceptance", "竣工验收", 22, r, candidateGroups="owners-committee", dueDate="${workingDays(10)}", fields=[
    field("acceptanceResult", "验收结论", "enum", [("passed", "验收合格"), ("failed", "验收不合格，返工")], required=True),
    field("acceptanceNote", "验收意见", maxlength=1000),
])
p.gateway("acceptanceGw", "验收结论", 23, r, default="f_acceptanceFailed")
p.user("settle", "决算审核与拨付", 24, r, candidateGroups="housing-bureau", dueDate="${workingDays(10)}", fields=[
    field("settledAmount", "决算金额（元）", "long", required=True, min=0),
])
p.service("shareSettlement", "按面积计算受益业主分摊额", 25, r, "shareCostByArea", amount="${settledAmount}", affectedFrom="affectedUnits")
p.service("postSettlement", "公示分摊结果", 26, r, "postPublicNotice", days="7",
          title="${compoundName}维修资金使用结算公示：${drawItem}",
          body="施工单位：${contractor}；决算金额：${settledAmount}元，由受益范围内${sharedUnitCount}户按专有部分面积分摊，"
               "每平方米${costPerSquareMetre}元（共${sharedArea}平方米），各户分摊额见分摊明细，由维修资金管理中心记入业主分户账。")
# The settled amount is charged to the owners' extra vote first (drawExcess, voted for this draw only), the rest
# to the annual plan; what the plan had left beyond that stays for later draws of the year.
p.service("deduct", "扣减计划剩余额度", 27, r, "setVariables",
          annualPlanRemaining="${settledAmount - drawExcess <= 0 ? annualPlanRemaining : "
                              "(settledAmount - drawExcess >= annualPlanRemaining ? 0 : annualPlanRemaining - (settledAmount - drawExcess))}",
          drawCount="${drawCount + 1}", drawnTotal="${drawnTotal + settledAmount}")
p.user("nextDraw", "是否继续分批使用", 28, r, candidateGroups="owners-committee", dueDate="${workingDays(10)}", fields=[
    field("nextStep", "下一步", "enum", [("more", "继续申请下一批"), ("finish", "本计划使用完毕")], required=True),
])
p.gateway("nextGw", "是否继续", 29, r, default="f_finish")
p.end("finished", "使用完毕", 30, r, terminate=True)
# A new draw starts with no list of affected units (the whole compound) whatever the last one, done or refused, had
p.service("newDraw", "新一批申请", 29, 0, "setVariables", affectedUnits="${''}")

# An affected building/unit the owners' register does not have (BPMN error of shareCostByArea): the committee corrects the list
p.catch_error("affectedUnknown", "分摊范围不在业主名册中", "shareSettlement", "Error_affectedUnitsUnknown")
p.user("correctAffectedUnits", "更正分摊范围", 25, 3, candidateGroups="owners-committee", dueDate="${workingDays(2)}", fields=[
    field("affectedUnits", "分摊范围：受益的幢、单元或房号（逗号分隔，须为业主名册中的编号）", required=True,
          default="${affectedUnits}", maxlength=2000),
])

# The plan is bound to its year: at the year's end a waiting request or decision ends the plan (a new year needs a new plan)
p.timer("requestExpired", "计划年度结束", "requestDraw", "${date(planExpiresAt)}", interrupting=True, at=0.8)
p.timer("nextExpired", "计划年度结束", "nextDraw", "${date(planExpiresAt)}", interrupting=True, at=0.8)
p.service("notifyExpired", "告知年度计划到期", 9, 4, "notify", toGroup="owners-committee", kind="result",
          title="${planYear}年度维修资金使用计划已到期：${planTitle}",
          body="计划剩余额度${annualPlanRemaining}元随年度结束失效；新年度的维修须提交新年度计划并经业主大会表决。")
p.end("planExpired", "年度计划到期", 10, 4, terminate=True)

# 催办 / 督办 of the firm's contract (15 working days: reminder after 10)
p.timer("contractReminder", "催办（时限2/3）", "signContract", "${workingDays(10)}", at=0.25)
p.service("remindContract", "催办签订合同", 17, 2, "notify", toGroup="property-firm", kind="reminder",
          title="催办：${compoundName}维修合同", body="请在15个工作日内签订维修合同：${drawItem}")
p.end("contractReminded", "已催办", 17, 3)
p.timer("contractOverdue", "合同逾期（督办）", "signContract", "${workingDays(15)}", at=0.75)
p.service("escalateContract", "逾期督办通知", 18, 2, "notify", toGroup="street-office", kind="escalation",
          title="督办：${compoundName}维修合同逾期未签", body="物业服务企业逾期未签订维修合同：${drawItem}")
p.user("superviseContract", "督办签订合同", 18, 3, candidateGroups="street-office", dueDate="${workingDays(1)}", fields=[
    field("supervisionNote", "督办措施", required=True, maxlength=1000),
])
p.end("contractSupervised", "督办完成", 18, 4)

n = p.nodes
p.flow("f_lookup", "planSubmitted", "lookup")
p.flow("f_planYearEnds", "lookup", "planYearEnds")
p.flow("f_yearGw", "planYearEnds", "yearGw")
p.flow("f_openPlanVote", "yearGw", "openPlanVote", "年度未过", "${now().isBefore(date(planExpiresAt))}")
p.flow("f_yearOver", "yearGw", "notifyYearOver", "年度已过")
p.flow("f_yearOverEnd", "notifyYearOver", "yearOver")
p.flow("f_planVoteClosed", "openPlanVote", "planVoteClosed")
p.flow("f_planGw", "planVoteClosed", "planGw")
p.flow("f_planApproved", "planGw", "recordPlan", "方案通过", "${ballotApproved}")
p.flow("f_planRejected", "planGw", "notifyPlanRejected", "方案未通过")
p.flow("f_planRejectedEnd", "notifyPlanRejected", "planRejected")
p.flow("f_requestDraw", "recordPlan", "requestDraw")
p.flow("f_splitDraw", "requestDraw", "splitDraw")
p.flow("f_withinGw", "splitDraw", "withinGw")
p.flow("f_withinPlan", "withinGw", "drawJoin", "额度内，无需再表决", "${drawExcess == 0}")
p.flow("f_beyondPlan", "withinGw", "openExtraVote", "超出额度，需表决")
p.flow("f_extraVoteClosed", "openExtraVote", "extraVoteClosed")
p.flow("f_extraGw", "extraVoteClosed", "extraGw")
p.flow("f_extraApproved", "extraGw", "raisePlan", "表决通过", "${ballotApproved}")
p.flow("f_extraRejected", "extraGw", "notifyExtraRejected", "未获通过")
p.flow("f_extraToNext", "notifyExtraRejected", "nextDraw", via=[(n["notifyExtraRejected"].cx, row_y(5)), (n["nextDraw"].cx, row_y(5))])
p.flow("f_raised", "raisePlan", "drawJoin")
p.flow("f_signContract", "drawJoin", "signContract")
p.flow("f_applyPrepayment", "signContract", "applyPrepayment")
p.flow("f_approvePrepayment", "applyPrepayment", "approvePrepayment")
p.flow("f_prepaymentGw", "approvePrepayment", "prepaymentGw")
p.flow("f_prepaymentApproved", "prepaymentGw", "repair", "同意拨付", "${prepaymentDecision == 'approve'}")
p.flow("f_prepaymentReturned", "prepaymentGw", "applyPrepayment", "退回补正", via=[(n["prepaymentGw"].cx, row_y(0)), (n["applyPrepayment"].cx, row_y(0))])
p.flow("f_acceptance", "repair", "acceptance")
p.flow("f_acceptanceGw", "acceptance", "acceptanceGw")
p.flow("f_acceptancePassed", "acceptanceGw", "settle", "验收合格", "${acceptanceResult == 'passed'}")
p.flow("f_acceptanceFailed", "acceptanceGw", "repair", "返工", via=[(n["acceptanceGw"].cx, row_y(0)), (n["repair"].cx, row_y(0))])
p.flow("f_shareSettlement", "settle", "shareSettlement")
p.flow("f_postSettlement", "shareSettlement", "postSettlement")
p.flow("f_deduct", "postSettlement", "deduct")
p.flow("f_nextDraw", "deduct", "nextDraw")
p.flow("f_nextGw", "nextDraw", "nextGw")
p.flow("f_more", "nextGw", "newDraw", "继续下一批", "${nextStep == 'more'}")
p.flow("f_newDraw", "newDraw", "requestDraw", via=[(n["newDraw"].cx, TOP - 30), (n["requestDraw"].cx, TOP - 30)])
p.flow("f_finish", "nextGw", "finished", "使用完毕")
p.flow("f_affectedUnknown", "affectedUnknown", "correctAffectedUnits")
p.flow("f_affectedCorrected", "correctAffectedUnits", "shareSettlement", via=[(n["correctAffectedUnits"].cx - 30, row_y(2)), (n["shareSettlement"].cx - 30, row_y(2))])
p.flow("f_requestExpired", "requestExpired", "notifyExpired")
p.flow("f_nextExpired", "nextExpired", "notifyExpired")
p.flow("f_expired", "notifyExpired", "planExpired")
p.flow("f_remindContract", "contractReminder", "remindContract")
p.flow("f_contractReminded", "remindContract", "contractReminded")
p.flow("f_escalateContract", "contractOverdue", "escalateContract")
p.flow("f_superviseContract", "escalateContract", "superviseContract")
p.flow("f_contractSupervised", "superviseContract", "contractSupervised")

p.write()

