import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A network share for tests: a folder served by sshd on 127.0.0.1 and mounted with sshfs, once per
 * "PC". SFTP forwards no byte-range locks, so SQLite's locks on one mount are invisible on the other:
 * the worst share an office may have, where only the lease keeps PCs apart. Everything (host keys, the
 * client key, sshd's configuration) lives in a temporary folder; sshd runs as the current user.
 */
export interface SshfsShare {
  /** The served folder, as the server sees it (a local path). */
  served: string;
  /** One mount point per PC, each its own sshfs connection to `served`. */
  mounts: string[];
  /** Mounts `served` again at `mountPoint` (after `unmount`), e.g. a drive reconnected. */
  mount(mountPoint: string): Promise<void>;
  /** Unmounts one mount point (lazily if busy): the drive disconnected. */
  unmount(mountPoint: string): void;
  /** Unmounts everything and stops sshd; safe to call twice and after a failure. */
  close(): void;
}

const SSHD = '/usr/sbin/sshd';
const tools = [SSHD, '/usr/bin/sshfs', '/usr/bin/ssh-keygen', '/usr/bin/fusermount'];

/** Why a share cannot be made here, or null when it can. */
export function sshfsUnavailable(): string | null {
  const missing = tools.filter((t) => !fs.existsSync(t));
  if (missing.length > 0) return `missing ${missing.join(', ')} (Debian: apt-get install openssh-server sshfs)`;
  if (!fs.existsSync('/dev/fuse')) return '/dev/fuse is missing (FUSE is not available in this container)';
  if (process.platform !== 'linux') return 'sshfs shares are tested on Linux only';
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function waitForPort(port: number, sshd: ChildProcess, log: () => string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (sshd.exitCode !== null || sshd.signalCode !== null) return reject(new Error(`sshd exited (${sshd.exitCode ?? sshd.signalCode}):\n${log()}`));
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`sshd did not listen on ${port}:\n${log()}`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

const isMounted = (mountPoint: string): boolean =>
  fs
    .readFileSync('/proc/mounts', 'utf8')
    .split('\n')
    .some((line) => line.split(' ')[1] === mountPoint);

/** Starts sshd and mounts the served folder `count` times. Throws with sshd's log if anything fails. */
export async function startSshfsShare(count = 2): Promise<SshfsShare> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'baobei-sshfs-'));
  const served = path.join(root, 'share');
  fs.mkdirSync(served);
  const keygen = (file: string) => execFileSync('/usr/bin/ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', file], { stdio: 'ignore' });
  keygen(path.join(root, 'host_key'));
  keygen(path.join(root, 'client_key'));
  fs.copyFileSync(path.join(root, 'client_key.pub'), path.join(root, 'authorized_keys'));
  fs.chmodSync(path.join(root, 'authorized_keys'), 0o600);
  const port = await freePort();
  const config = path.join(root, 'sshd_config');
  fs.writeFileSync(
    config,
    [
      'ListenAddress 127.0.0.1',
      `Port ${port}`,
      `HostKey ${path.join(root, 'host_key')}`,
      `AuthorizedKeysFile ${path.join(root, 'authorized_keys')}`,
      'PubkeyAuthentication yes',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PermitRootLogin prohibit-password',
      'UsePAM no',
      'StrictModes no',
      'PidFile none',
      'LogLevel ERROR',
      'Subsystem sftp internal-sftp',
      '',
    ].join('\n'),
  );
  // sshd started as root insists on its privilege-separation folder.
  if (process.getuid?.() === 0) fs.mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });

  let sshdLog = '';
  // Its own process group: closing kills the listener and the per-connection processes it forked.
  const sshd = spawn(SSHD, ['-D', '-f', config, '-e'], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  sshd.stderr!.on('data', (chunk) => (sshdLog += String(chunk)));
  const sshfsProcesses = new Map<string, ChildProcess>();
  const user = os.userInfo().username;

  const unmount = (mountPoint: string) => {
    if (isMounted(mountPoint)) {
      try {
        execFileSync('/usr/bin/fusermount', ['-u', mountPoint], { stdio: 'ignore' });
      } catch {
        // Busy (a file still open by a killed child's leftovers): detach it now, it goes when unused.
        try {
          execFileSync('/usr/bin/fusermount', ['-uz', mountPoint], { stdio: 'ignore' });
        } catch {
          // Nothing more to do; sshd going away ends the connection.
        }
      }
    }
    const child = sshfsProcesses.get(mountPoint);
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    sshfsProcesses.delete(mountPoint);
  };

  const mount = async (mountPoint: string) => {
    fs.mkdirSync(mountPoint, { recursive: true });
    let log = '';
    // -f: in the foreground, so this process owns it and can end it by its id.
    const child = spawn(
      '/usr/bin/sshfs',
      [
        '-f',
        '-o',
        [
          'cache=no',
          'direct_io',
          'StrictHostKeyChecking=no',
          'UserKnownHostsFile=/dev/null',
          'BatchMode=yes',
          'LogLevel=ERROR',
          `IdentityFile=${path.join(root, 'client_key')}`,
          `port=${port}`,
        ].join(','),
        `${user}@127.0.0.1:${served}`,
        mountPoint,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    child.stderr!.on('data', (chunk) => (log += String(chunk)));
    sshfsProcesses.set(mountPoint, child);
    const deadline = Date.now() + 15_000;
    while (!isMounted(mountPoint)) {
      if (child.exitCode !== null || Date.now() > deadline) {
        unmount(mountPoint);
        throw new Error(`sshfs could not mount ${mountPoint}: ${log}\nsshd: ${sshdLog}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    process.off('exit', close);
    for (const mountPoint of [...sshfsProcesses.keys()]) unmount(mountPoint);
    try {
      if (sshd.pid) process.kill(-sshd.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
    try {
      fs.rmSync(root, { recursive: true, force: true });
    } catch {
      // A mount point still detaching; the temporary folder is left for the system to clean.
    }
  };
  // Even if the test process ends without running its teardown, leave no mount and no sshd behind.
  process.on('exit', close);

  try {
    await waitForPort(port, sshd, () => sshdLog);
    const mounts = Array.from({ length: count }, (_, i) => path.join(root, `pc${i}`));
    for (const m of mounts) await mount(m);
    return { served, mounts, mount, unmount, close };
  } catch (e) {
    close();
    throw e;
  }
}
