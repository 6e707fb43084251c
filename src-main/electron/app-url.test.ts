import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl, mimeTypeOf, resolveAppFile } from './app-url';

describe('app URLs', () => {
  it('recognise only our own origin', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://baobei/assets/index.js')).toBe(true);
    for (const url of ['app://other/index.html', 'app://baobei.evil/x', 'app://baobei:8080/x', 'app://u@baobei/x', 'http://baobei/', 'file:///index.html', 'not a url']) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });

  const root = path.resolve('/srv/renderer');

  it('map to files inside the renderer folder', () => {
    expect(resolveAppFile(root, 'app://baobei/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://baobei/assets/index-abc.js')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(resolveAppFile(root, 'app://baobei/favicon.svg')).toBe(path.join(root, 'favicon.svg'));
    expect(resolveAppFile(root, 'app://baobei/assets/a%20b.css')).toBe(path.join(root, 'assets', 'a b.css'));
  });

  it('never escape the renderer folder', () => {
    for (const url of [
      'app://baobei/..%2F..%2Fetc%2Fpasswd.txt',
      'app://baobei/assets/..%2F..%2F..%2Fsecret.js',
      'app://baobei/..%5C..%5Csecret.js',
      'app://baobei/x%00.js',
      'app://baobei/%E0%A4%A.js',
      'app://other/index.html',
    ]) {
      expect(resolveAppFile(root, url), url).toBeNull();
    }
  });

  it('serve scripts with a JavaScript type', () => {
    expect(mimeTypeOf('/x/index-abc.js')).toMatch(/^text\/javascript/);
    expect(mimeTypeOf('/x/index.html')).toMatch(/^text\/html/);
    expect(mimeTypeOf('/x/unknown.bin')).toBe('application/octet-stream');
  });
});
