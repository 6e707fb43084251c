/** Simplified Chinese, the default language. Keys are shared with en.ts, which must have every one. */
export const zhCN = {
  // errors
  'error.VALIDATION': '输入有误，请检查标出的字段',
  'error.UNAUTHENTICATED': '请先登录',
  'error.FORBIDDEN': '您没有权限执行此操作',
  'error.NOT_FOUND': '未找到该记录，可能已被删除',
  'error.CONFLICT': '与现有数据冲突',
  'error.STALE': '该记录已被其他人修改，请刷新后再试（您填写的内容会保留）',
  'error.BUSY': '共享数据库正忙，请稍后重试',
  'error.DB_UNAVAILABLE': '无法访问数据库文件，请检查网络驱动器是否已连接',
  'error.SCHEMA_TOO_NEW': '数据库由更新版本的报备创建，请先升级本软件',
  'error.INTERNAL': '发生内部错误，请重试；若持续出现请联系管理员',
  'error.unknownOperation': '未知的操作',
  'error.wrongCredentials': '用户名或密码错误',
  'error.throttled': '密码错误次数过多，请 {seconds} 秒后再试',
  'error.inactiveUser': '该账号已停用，请联系管理员',
  'error.usernameTaken': '用户名“{username}”已存在',
  'error.alreadySetUp': '系统已初始化，请直接登录',
  'error.noDatabase': '尚未选择数据库',
  'error.cannotChooseDatabase': '此窗口不能更换数据库',
  'error.databaseExists': '该位置已有数据库文件，请选择“打开已有数据库”',
  'error.notADatabase': '该文件不是报备数据库或已损坏',
  'error.readOnlyFolder': '数据库所在文件夹只读，无法写入',
  'error.diskFull': '磁盘空间已满，未能保存',
  'error.lastAdmin': '不能停用或降级最后一位管理员',
  'error.selfDeactivate': '不能停用自己的账号',
  // validation
  'v.required': '必填',
  'v.invalidType': '格式不正确',
  'v.tooLong': '内容过长',
  'v.unknownField': '包含未知字段',
  'v.username': '用户名为 2–32 位字母、数字、点、下划线或连字符',
  'v.passwordShort': '密码至少 8 位',
  'v.role': '请选择角色',
  // roles
  'role.admin': '管理员',
  'role.reviewer': '审核人',
  'role.sales': '销售',
} as const;

export type MessageKey = keyof typeof zhCN;
