import fs from 'node:fs';
import os from 'node:os';

// statfs `type` magic numbers of the file systems a benchmark is likely to run on.
const FS_TYPES: Record<number, string> = {
  0xef53: 'ext4',
  0x58465342: 'xfs',
  0x9123683e: 'btrfs',
  0x01021994: 'tmpfs',
  0x794c7630: 'overlayfs',
  0x6969: 'nfs',
  0xff534d42: 'cifs',
  0xfe534d42: 'smb2',
  0x65735546: 'fuse',
  0x2fc12fc1: 'zfs',
};

export interface Machine {
  cpu: string;
  cores: number;
  ramGiB: number;
  node: string;
  os: string;
  date: string;
  /** 1-minute load average when the benchmark started: figures from a busy machine are not comparable. */
  load: number;
}

export function describeMachine(now = new Date()): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    ramGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} (${os.platform()}/${os.arch()})`,
    date: now.toISOString().slice(0, 10),
    load: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
  };
}

/** The file system a folder lives on, e.g. "ext4", as far as statfs tells. */
export function fileSystemOf(dir: string): string {
  try {
    const type = fs.statfsSync(dir).type;
    return FS_TYPES[type] ?? `type 0x${type.toString(16)}`;
  } catch {
    return 'unknown';
  }
}

export const machineLine = (m: Machine) =>
  `${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM; Node ${m.node}; ${m.os}; measured ${m.date}, load average ${m.load} at the start`;
