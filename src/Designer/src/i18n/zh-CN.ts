// The console's own strings, Chinese first. Keys are grouped by feature ("app.", "login.", "designer." ...);
// en.ts must define every key (the type checker enforces it).
export const zhCN = {
  'app.name': '安居',
  'app.subtitle': '江阴市住宅小区物业管理流程平台',
  'app.logout': '退出登录',
  'app.language': '语言',
  'app.loading': '正在加载…',
  'app.notFound': '页面不存在。',
  'app.forbidden': '您没有访问此页面的权限。',
  'app.sessionExpired': '登录已过期，请重新登录。',
  'app.networkError': '无法连接服务器，请稍后再试。',
  'app.unexpectedError': '发生错误：{message}',
  'app.jurisdiction': '辖区',
  'app.roles': '角色',
  'app.leaveUnsaved': '有未保存的修改，确定要离开吗？',
  'app.cancel': '取消',
  'app.ok': '确定',
  'app.close': '关闭',

  'role.admin': '系统管理员',
  'role.street-office': '镇（街）园区',
  'role.community': '社区居委会',
  'role.property-firm': '物业服务企业',
  'role.owners-committee': '业主委员会',
  'role.enforcement-station': '联合执法工作站',
  'role.housing-bureau': '住建局',
  'role.department': '执法部门',
  'role.owner': '业主',
  'role.worker': '外部系统',

  'login.title': '登录',
  'login.username': '用户名',
  'login.password': '密码',
  'login.submit': '登录',
  'login.failed': '用户名或密码错误。',
  'login.required': '请输入用户名和密码。',

  'home.title': '首页',
  'home.welcome': '欢迎，{name}。',
  'home.pick': '请从上方菜单选择要办理的工作。',
} as const;

export type MessageKey = keyof typeof zhCN;
