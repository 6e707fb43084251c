/** Messages of recovery: restoring the latest backup over a damaged database. */
export const zh = {
  'error.noBackup': '本机没有可用的备份，无法恢复',
  'error.restoreNotNeeded': '只有无法打开的损坏数据库才能从此处用备份恢复',
  'ui.wizard.mode.restoreBackup': '用本机备份恢复损坏的数据库',
  'ui.restore.offer': '该数据库文件已损坏。可以用本机 {at} 的自动备份恢复。',
  'ui.restore.none': '该数据库文件已损坏，本机没有可用的备份。请联系管理员。',
  'ui.restore.button': '用备份恢复…',
  'ui.restore.confirmButton': '恢复',
  'ui.restore.confirm': '恢复后，备份之后在任何电脑上录入的内容都会丢失；损坏的文件会另存一份。确定恢复吗？',
  'ui.restore.done': '已用 {at} 的备份恢复，损坏的文件另存为 {damagedCopy}',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'error.noBackup': 'There is no usable backup on this PC to restore from',
  'error.restoreNotNeeded': 'Only a damaged database that cannot be opened can be restored from here',
  'ui.wizard.mode.restoreBackup': 'Restore the damaged database from this PC’s backup',
  'ui.restore.offer': 'The database file is damaged. It can be restored from this PC’s automatic backup of {at}.',
  'ui.restore.none': 'The database file is damaged, and this PC has no usable backup. Please contact your administrator.',
  'ui.restore.button': 'Restore from backup…',
  'ui.restore.confirmButton': 'Restore',
  'ui.restore.confirm': 'Anything entered on any PC after the backup was taken will be lost; the damaged file is kept as a copy. Restore?',
  'ui.restore.done': 'Restored from the backup of {at}; the damaged file was kept as {damagedCopy}',
};
