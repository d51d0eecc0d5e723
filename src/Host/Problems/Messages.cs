using System.Collections.Frozen;
using System.Globalization;
using Anju.Host.Requests;

namespace Anju.Host.Problems;

/// <summary>
/// Every message the API sends, in Chinese (the default) and English (Accept-Language: en). Keys are stable
/// codes that clients may rely on (the problem's "code" member).
/// </summary>
public static class Messages
{
    private static readonly FrozenDictionary<string, (string Zh, string En)> Texts = new Dictionary<string, (string, string)>
    {
        ["unauthenticated"] = ("请先登录。", "Please sign in."),
        ["forbidden"] = ("您没有执行此操作的权限。", "You are not allowed to do this."),
        ["notFound"] = ("请求的对象不存在，或不在您的管辖范围内。", "The requested item does not exist or is outside your jurisdiction."),
        ["conflict"] = ("该事项已被他人处理或同时被修改，未做任何更改，请刷新后重试。", "Someone else handled or changed this meanwhile; nothing was changed. Refresh and try again."),
        ["invalidState"] = ("当前状态下不能执行此操作：{0}", "This cannot be done in the current state: {0}"),
        ["invalidRequest"] = ("请求有误：{0}", "The request is invalid: {0}"),
        ["validation"] = ("提交的内容未通过校验，请按提示修改。", "Some fields are not valid; see the field messages."),
        ["loginFailed"] = ("用户名或密码错误。", "The user name or password is wrong."),
        ["lockedOut"] = ("登录失败次数过多，账号已临时锁定，请 15 分钟后再试。", "Too many failed sign-ins; the account is locked for 15 minutes."),
        ["deploymentInvalid"] = ("流程定义有误，未部署任何内容。", "The process definition has errors; nothing was deployed."),

        // Deployment problems (issue 16, item 2): "bpmn." + the engine's ProblemCodes, filled with the problem's arguments.
        // English answers carry the engine's own sentence instead; these English texts are the short form.
        ["bpmn.model"] = ("BPMN 模型有误：{0}", "The BPMN model is invalid: {0}"),
        ["bpmn.expression"] = ("“{0}”的 {1} 表达式有误：{2}", "{0}, {1}: {2}"),
        ["bpmn.dateValue"] = ("“{0}”的 {1}“{2}”不是日期：请填写 ISO 8601 日期时间（如 2026-10-08T17:00）、时长（如 P2D 为 2 天），或给出日期的表达式（如 ${{workingDays(2)}} 为 2 个工作日）。", "{0}, {1}: '{2}' is not a date, a duration or an expression giving one."),
        ["bpmn.timerValue"] = ("“{0}”的定时器“{1}”格式有误：{2}", "{0}: the timer '{1}' is invalid: {2}"),
        ["bpmn.timerCycleTooShort"] = ("“{0}”的循环定时器“{1}”触发过于频繁；允许的最短间隔为 {2}。", "{0}: the timer cycle '{1}' fires too often; the shortest allowed is {2}."),
        ["bpmn.priorityValue"] = ("“{0}”的优先级“{1}”不是 0–1000 的整数，也不是给出整数的表达式。", "{0}: the priority '{1}' is not a whole number."),
        ["bpmn.candidateList"] = ("“{0}”的 {1}“{2}”不是以逗号分隔的名称列表（如 community,street-office）。", "{0}, {1}: '{2}' is not a comma-separated list of names."),
        ["bpmn.userTaskUnassigned"] = ("“{0}”没有办理人、候选人或候选组，只能由系统管理员指派。", "{0} has no assignee or candidates; only an administrator could assign it."),
        ["bpmn.formConstraint"] = ("“{0}”的表单字段“{1}”的约束 {2}（{3}）不适用于该字段类型，或配置值有误。", "{0}: constraint {2} ({3}) of form field '{1}' does not apply."),
        ["bpmn.formDefault"] = ("“{0}”的表单字段“{1}”的默认值“{2}”不是 {3} 类型的值。", "{0}: the default '{2}' of form field '{1}' is not a {3} value."),
        ["bpmn.formEnumEmpty"] = ("“{0}”的枚举字段“{1}”没有任何选项。", "{0}: the enum form field '{1}' has no values."),
        ["bpmn.conditionMissing"] = ("从“{0}”出发的顺序流“{1}”没有条件，又不是默认流，将总被选中。", "The flow '{1}' out of {0} has no condition and is not the default."),
        ["bpmn.conditionValue"] = ("顺序流“{0}”的条件“{1}”不可能为真或假，请写成表达式，如 ${{amount > 5000}}。", "The condition '{1}' of flow {0} can never be true or false."),
        ["bpmn.attributeIgnored"] = ("{1} 在 {0} 上不起作用（Camunda 7 同样忽略它），已部署，该设置被忽略。", "{1} has no effect on {0} (Camunda 7 ignores it there too); deployed without it."),
        ["bpmn.callTargetMissing"] = ("“{0}”调用的流程“{1}”尚未部署；部署之前，实例到此将进入故障。", "{0} calls '{1}', which is not deployed."),
        ["bpmn.waitlessCycle"] = ("以下环节构成一个没有等待环节的循环，流程进入后将无休止地运行：{0}。请在循环中加入用户任务、接收任务、捕获事件、定时器、外部任务或异步延续。", "These elements form a cycle without a wait state: {0}."),
        ["bpmn.unknownHandler"] = ("“{0}”的处理程序“{1}”未注册。", "{0}: no handler '{1}' is registered."),
        ["bpmn.duplicateKey"] = ("流程标识“{0}”在本次部署的多个文件中重复出现。", "The process key '{0}' appears in more than one file."),
        ["bpmn.empty"] = ("部署中没有 BPMN 文件。", "The deployment contains no BPMN file."),

        // The structural problems met most in the designer; {0} is the element as "name (id)", or its id.
        ["bpmn.noOutgoingFlow"] = ("“{0}”没有流出的顺序流：流程走到这里无法继续。请从它连一条顺序流到下一步。", "{0} has no outgoing sequence flow."),
        ["bpmn.noIncomingFlow"] = ("“{0}”没有流入的顺序流：流程永远走不到这里。请从上一步连一条顺序流到它，或删除它。", "{0} has no incoming sequence flow."),
        ["bpmn.flowNotConnected"] = ("顺序流“{0}”的两端没有都连上环节，请把它的起点和终点都连好。", "The sequence flow {0} is not connected at both ends."),
        ["bpmn.flowSourceUnknown"] = ("顺序流“{0}”的起点“{1}”不是本流程中的环节（可能已删除，或连在了注释、泳道上）。", "The sequence flow {0} starts at '{1}', which is not a step of this process."),
        ["bpmn.flowTargetUnknown"] = ("顺序流“{0}”的终点“{1}”不是本流程中的环节（可能已删除，或连在了注释、泳道上）。", "The sequence flow {0} leads to '{1}', which is not a step of this process."),
        ["bpmn.noStartEvent"] = ("“{0}”没有开始事件：流程无从开始。请添加一个开始事件。", "{0} has no start event."),
        ["bpmn.secondNoneStart"] = ("“{0}”是第二个普通开始事件（已有“{1}”）：一个流程只能有一个不等待消息、定时或信号的开始事件。", "{0} is a second none start event (besides {1}); a process can have only one."),
        ["bpmn.messageRefMissing"] = ("“{0}”没有选择消息：请在属性面板中为它选择或新建一个消息。", "{0} has no message (messageRef)."),
        ["bpmn.messageUnknown"] = ("“{0}”引用的消息“{1}”在模型中不存在：请重新选择消息。", "{0} refers to the message '{1}', which the model does not define."),
        ["bpmn.signalRefMissing"] = ("“{0}”没有选择信号：请在属性面板中为它选择或新建一个信号。", "{0} has no signal (signalRef)."),
        ["bpmn.signalUnknown"] = ("“{0}”引用的信号“{1}”在模型中不存在：请重新选择信号。", "{0} refers to the signal '{1}', which the model does not define."),
        ["bpmn.errorUnknown"] = ("“{0}”引用的错误“{1}”在模型中不存在：请重新选择错误，或不选（捕获所有错误）。", "{0} refers to the error '{1}', which the model does not define."),
        ["bpmn.escalationUnknown"] = ("“{0}”引用的升级“{1}”在模型中不存在：请重新选择升级。", "{0} refers to the escalation '{1}', which the model does not define."),
        ["bpmn.scriptTaskUnsupported"] = ("“{0}”是脚本任务，本系统不支持：脚本无法安全隔离运行。请改用服务任务（使用已注册的处理程序）或外部任务。", "{0} is a script task, which is not supported: scripts cannot be sandboxed. Use a service task with a registered handler or an external task."),
        ["bpmn.complexGatewayUnsupported"] = ("“{0}”是复杂网关，本系统不支持：请改用包容网关。", "{0} is a complex gateway, which is not supported; use an inclusive gateway."),
        ["bpmn.transactionUnsupported"] = ("“{0}”属于事务（事务子流程或取消事件），本系统不支持：事务的补偿和取消尚未实现。", "{0} belongs to a transaction (transaction subprocess or cancel event), which is not supported."),
        ["bpmn.compensationUnsupported"] = ("“{0}”用到了补偿，本系统不支持补偿。", "{0} uses compensation, which is not supported."),
        ["bpmn.elementUnsupported"] = ("“{0}”（{1}）本系统不支持：请改用设计器工具栏中提供的元素。", "{0} ({1}) is not supported."),
        ["bpmn.linkCatchMissing"] = ("链接抛出事件“{0}”要跳到链接“{1}”，但同一流程（或子流程）中没有同名的链接捕获事件。", "{0} throws link '{1}', but no link catch event of that name is in the same scope."),
        ["bpmn.boundaryNotAttached"] = ("边界事件“{0}”没有附着在任何任务或子流程上：请把它拖到所属环节的边框上。", "The boundary event {0} is not attached to an activity."),
        ["bpmn.boundaryHostUnknown"] = ("边界事件“{0}”附着的“{1}”不是本流程中的环节：请把它重新拖到所属环节的边框上。", "The boundary event {0} is attached to '{1}', which is not a step of this process."),
        ["bpmn.calledElementMissing"] = ("调用活动“{0}”没有填写要调用的流程（被调用元素，即流程标识）。", "The call activity {0} does not say which process it calls (calledElement)."),

        // The next most common problems of a model's shape; {0} is again the element as "name (id)", or its id.
        ["bpmn.duplicateId"] = ("标识“{0}”重复：“{1}”和“{2}”用了同一个标识（ID）。模型中每个元素的标识必须唯一，请修改其中一个。", "The id '{0}' is used twice, by {1} and by {2}."),
        ["bpmn.noProcess"] = ("文件中没有任何流程。", "The document contains no process."),
        ["bpmn.processNotExecutable"] = ("流程“{0}”没有设为可执行，不能部署：请在流程的属性面板中勾选“可执行”（isExecutable）。", "The process {0} is not executable (isExecutable); set it executable to deploy it."),
        ["bpmn.defaultFlowNotOutgoing"] = ("“{0}”的默认流“{1}”不是从它流出的顺序流：请重新选择默认流。", "The default flow '{1}' of {0} is not one of its outgoing sequence flows."),
        ["bpmn.defaultFlowWithCondition"] = ("顺序流“{0}”是“{1}”的默认流，不能再设条件：其他条件都不成立时才走默认流。请删除它的条件。", "The sequence flow {0} is the default flow of {1} and must not have a condition."),
        ["bpmn.eventGatewayTarget"] = ("事件网关“{0}”之后是“{1}”：事件网关之后只能是消息、信号或定时中间捕获事件，或接收任务。", "{0} is followed by {1}; only message, signal or timer intermediate catch events and receive tasks may follow an event-based gateway."),
        ["bpmn.eventSubProcessFlows"] = ("事件子流程“{0}”不能有进入或离开的顺序流：它由自己的开始事件触发。请删除这些顺序流。", "The event subprocess {0} has sequence flows; it is started by its start event only."),
        ["bpmn.eventSubProcessAttachments"] = ("事件子流程“{0}”上不能附加边界事件，也不能设为多实例或配置输入/输出映射。", "The event subprocess {0} cannot have boundary events, multi-instance or input/output mappings."),
        ["bpmn.eventSubProcessStarts"] = ("事件子流程“{0}”必须有且只有一个开始事件（现有 {1} 个）。", "The event subprocess {0} must have exactly one start event, not {1}."),
        ["bpmn.eventSubProcessNoneStart"] = ("事件子流程的开始事件“{0}”没有触发方式：请把它设为消息、定时、信号、错误或升级开始事件。", "The start event {0} of an event subprocess needs a trigger (message, timer, signal, error or escalation)."),
        ["bpmn.subProcessStarts"] = ("子流程“{0}”只能有一个开始事件（现有 {1} 个）：请删除多余的开始事件。", "The subprocess {0} must have exactly one start event, not {1}."),
        ["bpmn.timerDefinition"] = ("“{0}”的定时器必须填写且只填写一项：日期（timeDate）、时长（timeDuration）或周期（timeCycle）。", "The timer of {0} must have exactly one of timeDate, timeDuration or timeCycle."),
        ["bpmn.timerEmpty"] = ("“{0}”的定时器没有填写值（{1}）。", "The {1} of the timer of {0} is empty."),
        ["bpmn.multiInstanceCountMissing"] = ("“{0}”设为多实例，但既没有填写循环次数（loopCardinality），也没有填写集合（collection）：请填写其中一项。", "The multi-instance of {0} needs a loopCardinality or a collection."),
        ["bpmn.listenerEvent"] = ("“{0}”的监听器事件“{1}”在这里无效：只能是 {2}。", "A listener of {0} has event '{1}'; here it may be {2}."),
        ["bpmn.listenerImplementation"] = ("“{0}”的监听器必须填写且只填写一项：处理程序类（class）、表达式（expression）或委托表达式（delegateExpression）。", "A listener of {0} needs exactly one of class, delegateExpression or expression."),
        ["bpmn.listenerScript"] = ("“{0}”的监听器写成了脚本（camunda:script），本系统不支持：脚本无法安全隔离运行。请改用表达式、委托表达式或处理程序类。", "A listener of {0} is a script, which is not supported: scripts cannot be sandboxed."),
        ["bpmn.taskListenerUpdate"] = ("“{0}”的任务监听器用了更新（update）事件，本系统不支持：请改用分配（assignment）或完成（complete）监听器。", "A task listener of {0} listens to 'update', which is not supported; use an assignment or complete listener."),
        ["bpmn.parameterNameMissing"] = ("“{0}”有一个输入/输出参数没有填写名称。", "An input or output parameter of {0} has no name."),
        ["bpmn.parameterDuplicate"] = ("“{0}”的参数“{1}”出现了两次：请删除或改名其中一个。", "The parameter '{1}' appears twice on {0}."),
        ["bpmn.parameterScript"] = ("“{0}”的参数“{1}”的值是脚本（camunda:script），本系统不支持：脚本无法安全隔离运行，请改用表达式。", "The value of the parameter '{1}' of {0} is a script, which is not supported; use an expression."),
        ["bpmn.formFieldIdMissing"] = ("“{0}”有一个表单字段没有填写标识（ID）。", "A form field of {0} has no id."),
        ["bpmn.formFieldTypeMissing"] = ("“{0}”的表单字段“{1}”没有选择类型：请选择文本（string）、整数（long）、数字（double）、是否（boolean）、日期（date）或枚举（enum）。", "The form field '{1}' of {0} has no type."),
        ["bpmn.formFieldTypeUnknown"] = ("“{0}”的表单字段“{1}”的类型“{2}”不受支持：请选择文本（string）、整数（long）、数字（double）、是否（boolean）、日期（date）或枚举（enum）。", "The form field '{1}' of {0} has the unknown type '{2}'."),
        ["bpmn.formFieldDuplicate"] = ("“{0}”的表单中有两个字段的标识都是“{1}”：请修改其中一个。", "{0} has two form fields with id '{1}'."),
        ["bpmn.formConstraintUnsupported"] = ("“{0}”的表单字段“{1}”的约束“{2}”不受支持：约束只能是 required、readonly、minlength、maxlength、min 或 max。", "The constraint '{2}' of form field '{1}' of {0} is not supported."),
        ["tooLarge"] = ("上传内容超过大小上限（{0}）。", "The upload is larger than the limit ({0})."),
        ["unsupportedMediaType"] = ("不支持的文件类型：{0}", "This file type is not accepted: {0}"),
        ["noSubscription"] = ("没有等待该消息的流程，也没有以该消息启动的流程。", "No process waits for this message and none starts with it."),
        ["idempotencyMismatch"] = ("同一 Idempotency-Key 已用于内容不同的请求。", "This Idempotency-Key was already used for a different request."),
        ["idempotencyInProgress"] = ("使用同一 Idempotency-Key 的请求仍在处理中，请稍后重试。", "A request with this Idempotency-Key is still being processed; try again shortly."),
        ["unknownJurisdiction"] = ("未知的辖区：{0}", "Unknown jurisdiction: {0}"),
        ["jurisdictionOutOfReach"] = ("该辖区不在您的管辖范围内：{0}", "This jurisdiction is outside yours: {0}"),
        ["userExists"] = ("用户名已被使用：{0}", "The user name is already taken: {0}"),
        ["accountLocked"] = ("该账号已被管理员停用，请联系管理员。", "This account has been locked by an administrator; contact them."),
        ["cannotLockSelf"] = ("不能锁定自己的账号。", "You cannot lock your own account."),
        ["cannotDeleteSelf"] = ("不能删除自己的账号。", "You cannot delete your own account."),
        ["lastAdmin"] = ("系统至少需要保留一名管理员，不能删除最后一名管理员或取消其管理员角色。", "At least one administrator must remain; the last one cannot be deleted or lose the admin role."),
        ["instanceEnded"] = ("该流程实例已结束，不能再取消。", "This process instance has already ended; it cannot be cancelled."),
        ["start.forbidden"] = ("您无权发起“{0}”。", "You are not allowed to start \"{0}\"."),
        ["start.onBehalfForbidden"] = ("只有代为受理的工作人员才能以他人名义提交（{0}）。", "Only staff who file on behalf of others may name another person ({0})."),
        ["internal"] = ("服务器内部错误，操作未完成。请稍后重试或联系管理员。", "An internal error occurred; the operation was not completed. Try again later or contact an administrator."),

        // Form validation (field messages).
        ["field.required"] = ("此项为必填项。", "This field is required."),
        ["field.type.long"] = ("请输入整数。", "Enter a whole number."),
        ["field.type.boolean"] = ("请选择是或否。", "Choose yes or no."),
        ["field.type.double"] = ("请输入数字（可带小数）。", "Enter a number (decimals allowed)."),
        ["field.type.date"] = ("请输入有效日期（如 2026-10-10）。", "Enter a valid date (e.g. 2026-10-10)."),
        ["field.type.datePattern"] = ("请输入有效日期（如 {0}，或 2026-10-10）。", "Enter a valid date (e.g. {0}, or 2026-10-10)."),
        ["field.type.string"] = ("请输入文字。", "Enter text."),
        ["field.enum"] = ("请从给定选项中选择。", "Choose one of the given options."),
        ["field.minlength"] = ("至少输入 {0} 个字符。", "Enter at least {0} characters."),
        ["field.maxlength"] = ("最多输入 {0} 个字符。", "Enter at most {0} characters."),
        ["field.min"] = ("不能小于 {0}。", "Must be at least {0}."),
        ["field.max"] = ("不能大于 {0}。", "Must be at most {0}."),
        ["field.type.object"] = ("必须是 JSON 对象（键值对）。", "Must be a JSON object (name/value pairs)."),
        ["field.range"] = ("应在 {0} 到 {1} 之间。", "Must be between {0} and {1}."),
        ["field.readonly"] = ("此项为只读，不能修改。", "This field is read-only."),
        ["field.username"] = ("用户名须为 3–64 个字符，只能使用小写字母、数字以及 . _ -。", "Use 3–64 characters: lowercase letters, digits, '.', '_' or '-'."),
        ["field.role.unknown"] = ("未知的角色：{0}", "Unknown role: {0}"),
        ["field.jurisdiction.required"] = ("请至少选择一个辖区。", "Choose at least one jurisdiction."),
        ["field.password.tooShort"] = ("密码至少需要 {0} 个字符。", "The password needs at least {0} characters."),
        ["field.password.digit"] = ("密码须包含数字。", "The password needs a digit."),
        ["field.password.lower"] = ("密码须包含小写字母。", "The password needs a lowercase letter."),
        ["field.password.upper"] = ("密码须包含大写字母。", "The password needs an uppercase letter."),
        ["field.password.symbol"] = ("密码须包含字母和数字以外的符号。", "The password needs a character that is not a letter or digit."),
        ["field.password.uniqueChars"] = ("密码至少需要 {0} 个不同的字符。", "The password needs at least {0} different characters."),
        ["field.password.invalid"] = ("密码不符合要求。", "The password does not meet the rules."),
        ["field.undeclared"] = ("此项不在该任务的表单中，不能提交。", "This is not a field of the task's form and cannot be submitted."),
        ["field.undeclaredStart"] = ("此项不在该流程的发起表单中，不能提交。", "This is not a field of the procedure's start form and cannot be submitted."),
        ["field.invalid"] = ("取值无效。", "This value is not valid."),
        ["field.unknownJurisdiction"] = ("未知的辖区。", "Unknown jurisdiction."),

        // Registry (reference data) and user departments.
        ["field.id"] = ("编号须为 1–64 个字符，只能使用小写字母、数字和 -，且以字母或数字开头。", "Use 1–64 characters: lowercase letters, digits or '-', starting with a letter or digit."),
        ["field.idTaken"] = ("该编号已被使用：{0}", "This id is already taken: {0}"),
        ["field.department.unknown"] = ("未知的部门：{0}", "Unknown department: {0}"),
        ["field.department.sameAsLeading"] = ("配合部门不能与牵头部门相同：{0}", "A supporting department cannot be the leading one: {0}"),
        ["field.department.roleRequired"] = ("只有具有“部门”（department）角色的账号才能设置所属部门。", "Only an account with the role 'department' can have a department."),
        // Working-day calendar (issue 17).
        ["field.calendar.both"] = ("同一天不能既是节假日又是调休上班日：{0}", "A day cannot be both a holiday and a make-up working day: {0}"),
        ["field.calendar.notWeekend"] = ("调休上班日须为周六或周日：{0}", "A make-up working day must be a Saturday or Sunday: {0}"),
        ["field.calendar.otherYear"] = ("日期 {0} 不属于 {1} 年。", "The date {0} is not in {1}."),
        ["field.calendar.tooMany"] = ("最多 {0} 个日期。", "At most {0} dates."),
        ["field.parent.kind"] = ("上级辖区须为：{0}", "The parent node must be: {0}"),
        ["field.kind.unknown"] = ("未知的辖区类型：{0}", "Unknown kind of node: {0}"),

        // Tasks.
        ["task.claimedByOther"] = ("该任务已由 {0} 认领办理，您不能再认领或办理。", "This task is claimed by {0}; you cannot claim or complete it."),
        ["task.alreadyCompleted"] = ("该任务您已于 {0}（北京时间）办理完成，无需重复提交。", "You already completed this task at {0} (Beijing time); it was not submitted again."),
        ["task.delegateUnknownUser"] = ("转办对象不存在：{0}", "There is no user '{0}' to delegate to."),
        ["task.delegateNotCandidate"] = ("转办对象 {0} 不是该任务的候选办理人（角色不符）。", "User '{0}' is not a candidate for this task (no matching role)."),
        ["task.delegateOutOfReach"] = ("转办对象 {0} 的管辖范围不包括该任务所在辖区。", "The task's jurisdiction is outside that of user '{0}'."),
        ["task.delegateToSelf"] = ("不能把任务转办给自己。", "You cannot delegate a task to yourself."),

        // Owners' voting.
        ["ballot.closed"] = ("该表决已结束，不再接受投票。", "This ballot is closed; no more votes are taken."),
        ["ballot.duplicateVote"] = ("您已投过票。每位业主只能投一次，投出的票不能更改。", "You have already voted. Each owner votes once, and a cast vote cannot be changed."),
        ["ballot.notClosed"] = ("表决尚未结束，结果在表决结束后公布。", "The ballot is still open; the result is published when it closes."),
        ["ballot.notElector"] = ("您不是本次表决的业主，不能投票。", "You are not among the owners entitled to vote on this ballot."),
        ["unit.exists"] = ("该房号已登记：{0}", "This unit is already registered: {0}"),
        ["field.vote.option"] = ("请选择同意（agree）、反对（disagree）或弃权（abstain）。", "Choose agree, disagree or abstain."),
        ["field.vote.unknownQuestion"] = ("本次表决没有这一事项。", "This ballot has no such question."),
        ["field.unit.area"] = ("专有部分面积须大于 0、不超过 100000 平方米，最多两位小数。", "The exclusive area must be more than 0 and at most 100,000 m², with at most two decimals."),
        ["field.unit.owner"] = ("没有该业主账号（须为业主角色）：{0}", "There is no owner account (role owner) with this user name: {0}"),
        ["field.unit.idTail"] = ("证件号后四至六位：数字或 X。", "The last 4 to 6 characters of the ID number: digits or X."),
        ["field.unit.phone"] = ("联系电话只能含数字、空格、+ 和 -，最多 30 位。", "A phone number has only digits, spaces, + and -, at most 30 characters."),
        ["field.register.tolerance"] = ("允许误差为 0 到 1 之间的比例（如 0.02 即 2%），最多四位小数。", "The tolerance is a share from 0 to 1 (0.02 is 2 %), with at most four decimals."),
        ["field.register.toleranceTooSmall"] = ("名册与登记数据现相差 {0:P2}，允许误差须不小于此数。", "The register now differs from the registry by {0:P2}; the tolerance must be at least that."),
        ["field.vote.notElector"] = ("该业主不在本次表决的业主名单中。", "This owner is not among the owners entitled to vote on this ballot."),
        ["field.vote.channel"] = ("请选择纸质表决票（paper）或书面委托（proxy）。", "Choose paper (a paper ballot) or proxy (a written proxy)."),
        ["field.vote.scan"] = ("请先上传本次表决的纸质票扫描件。", "Upload the scan of the paper ballot to this ballot first."),

        // Storage failures that show (web hardening, issue 15 item 6).
        ["databaseBusy"] = ("数据库正忙（被其他程序锁定），请稍后重试。", "The database is busy (locked by another process); try again shortly."),
        ["diskFull"] = ("服务器存储空间已满，文件未保存。请联系系统管理员。", "The server's storage is full; nothing was saved. Contact the administrator."),

        // Bounds on every input (issue 15, item 5): variables, body sizes, attachments (Features/RequestLimits.cs).
        ["payloadTooLarge"] = ("请求内容超过大小上限（{0}），未做任何更改。", "The request body is larger than the limit ({0}); nothing was changed."),
        ["variables.tooMany"] = ("变量过多：一次最多 {0} 个。", "Too many variables: at most {0} per request."),
        ["variables.nameTooLong"] = ("变量名“{0}”过长：最多 {1} 个字符。", "The variable name '{0}' is too long: at most {1} characters."),
        ["variables.valueTooLarge"] = ("变量“{0}”过大：最多 {1} 字节（JSON）。", "The variable '{0}' is too large: at most {1} bytes as JSON."),
        ["variables.stringTooLong"] = ("变量“{0}”中的文字过长：最多 {1} 个字符。", "The variable '{0}' holds a text longer than {1} characters."),
        ["variables.totalTooLarge"] = ("变量合计过大：最多 {0} 字节（JSON）。", "The variables are too large together: at most {0} bytes as JSON."),
        ["variables.tooDeep"] = ("变量“{0}”嵌套过深：最多 {1} 层。", "The variable '{0}' is nested too deeply: at most {1} levels."),
        ["attachment.oneFile"] = ("每次只能上传一个文件（收到 {0} 个）。", "Upload exactly one file per request ({0} received)."),
        ["attachmentQuota"] = ("附件超出限额，未保存：{0}", "Attachment quota reached; nothing was stored: {0}"),
        ["attachmentQuota.instance"] = ("每个案件最多 {0} 个附件、合计 {1}", "a case may have at most {0} attachments, {1} in all"),
        ["attachmentQuota.user"] = ("每人 24 小时内最多上传 {0} 个附件、合计 {1}", "one person may upload at most {0} attachments, {1} in all, in 24 hours"),

        // Sign-in protection (issue 15, item 4): rate limits, the login body's cap, the password policy.
        ["rateLimited"] = ("登录尝试过于频繁，请 {0} 秒后再试。", "Too many sign-in attempts; try again in {0} seconds."),
        ["login.tooLarge"] = ("登录请求过大（上限 {0}）。", "The sign-in request is too large (limit {0})."),
        ["field.password.common"] = ("该密码过于常见或已在泄露的密码库中出现，请换一个。", "This password is too common or known from leaks; choose another."),
        ["field.password.containsUsername"] = ("密码不能包含用户名。", "The password must not contain the user name."),

        // Repair tools (issue 16, item 4): modify an instance, edit a variable, retry, bulk actions.
        ["repair.tooMany"] = ("一次最多处理 {0} 项。", "At most {0} items per request."),
        ["repair.modifyRefused"] = ("无法按此修改流程实例（{0}）：{1}", "The instance cannot be modified this way ({0}): {1}"),
        ["repair.instructionType"] = ("指令类型须为 cancel（取消）、startBefore（在其前启动）或 startAfter（在其后启动）。", "The instruction type must be cancel, startBefore or startAfter."),
        ["repair.variableType"] = ("变量类型须为 string、long、double、boolean、json 或 null。", "The variable type must be string, long, double, boolean, json or null."),
        ["repair.valueNotOfType"] = ("取值不是 {0} 类型。", "The value is not of type {0}."),
        ["repair.variableName"] = ("变量名须为 1–{0} 个字符。", "The variable name must have 1–{0} characters."),
        ["repair.noIncident"] = ("该流程实例没有待处理的故障。", "This instance has no open incident."),
        ["repair.failedAgain"] = ("重试后再次出错：{0}", "It failed again on retry: {0}"),
        ["repair.instanceNotActive"] = ("该流程实例已结束，不能再修改。", "This process instance has ended; it cannot be changed."),
        // Process instance migration (issue 16, part D). {0}: the source element, {1}: the target element, {2}: the engine's text.
        ["migrationPlanInvalid"] = ("迁移方案有误，未迁移任何实例。", "The migration plan has errors; no instance was migrated."),
        ["migrationRefused"] = ("该实例不能按此方案迁移，未做任何更改。", "This instance cannot be migrated under the plan; nothing was changed."),
        ["migration.tooMany"] = ("一次最多 {0} 项。", "At most {0} per request."),
        ["migration.stopped"] = ("服务停止，该实例未迁移。", "The server stopped; this instance was not migrated."),
        ["migration.unmapped"] = ("环节“{0}”上有进行中的办理，但没有对应到新版本的环节。", "The active step {0} is not mapped to a step of the new version."),
        ["migration.incompatibleActivity"] = ("环节“{0}”不能对应到“{1}”：两者类型不同。", "Step {0} cannot be mapped to {1}: they are different kinds of element."),
        ["migration.unknownSourceActivity"] = ("原版本中没有环节“{0}”。", "The source version has no element {0}."),
        ["migration.unknownTargetActivity"] = ("新版本中没有环节“{1}”。", "The target version has no element {1}."),
        ["migration.scopeChanged"] = ("环节“{0}”与“{1}”不在对应的子流程中：请先把它所在的子流程对应到“{1}”所在的子流程。", "Steps {0} and {1} are not in corresponding subprocesses: map the subprocess {0} is in to the one {1} is in."),
        ["migration.multiInstanceMismatch"] = ("环节“{0}”与“{1}”的多实例（会签/或签）设置不同，不能迁移。", "Steps {0} and {1} differ in multi-instance (countersign) settings; they cannot be migrated."),
        ["migration.joinFlowMissing"] = ("在“{0}”等待汇合的分支，在新版本中没有对应的连线。", "A branch waiting to join at {0} has no matching sequence flow in the new version."),
        ["migration.differentProcess"] = ("只能迁移到同一流程的另一个版本。", "Instances can only be migrated to another version of the same procedure."),
        ["migration.instanceEnded"] = ("该实例已结束，不能迁移。", "This instance has already ended; it cannot be migrated."),
        ["migration.wrongSourceDefinition"] = ("该实例不属于所选的原版本。", "This instance does not run the chosen source version."),
        ["migration.boundaryEventFailed"] = ("新版本附加在“{0}”上的边界事件无法创建：{2}", "The new version's boundary event {0} could not be created: {2}"),
        // Start-up deployment never overrides a person; the filer is told (issue 16, items 1 and 5).
        ["startIncident"] = ("提交未成功：系统处理时出错，案件未能受理。管理员已收到通知，会尽快处理；您无需重复提交。", "The filing did not go through: the system failed while handling it, so it was not accepted. The administrators have been notified and will repair it; there is no need to file again."),
        ["fileUpdateChanged"] = ("定义文件已变化，或已被采用或忽略，请刷新后重试。", "The definitions file changed, or was adopted or ignored meanwhile; refresh and try again."),
        // issue 18 part A: editing and removing units of an owners' register.
        ["unit.ballotOpen"] = ("该小区有正在进行的业主大会表决，表决结束前不能修改或删除房屋登记。", "A ballot of this compound is open; its units cannot be changed or removed until it closes."),
        // issue 18 part R: ballots in the console.
        ["ballot.ownerVoted"] = ("该业主已经投过票（网上投票、书面表决或委托投票），每位业主只能投一次，不能再录入。", "This owner has already voted (online, on paper or by proxy); each owner votes once, so no further paper can be entered."),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool IsEnglish(HttpContext context) =>
        context.Request.Headers.AcceptLanguage.ToString().TrimStart().StartsWith("en", StringComparison.OrdinalIgnoreCase);

    public static string Text(HttpContext context, string code, params object?[] args) => Text(IsEnglish(context), code, args);

    public static string Text(bool english, string code, params object?[] args)
    {
        var (zh, en) = Texts.TryGetValue(code, out var text) ? text : (code, code);
        return string.Format(CultureInfo.InvariantCulture, english ? en : zh, args);
    }

    public static IEnumerable<string> Codes => Texts.Keys;
}
