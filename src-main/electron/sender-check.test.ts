import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL } from './app-url';
import { type SenderContext, isTrustedSender } from './sender-check';

const mainFrame = { processId: 7, frameToken: 'main-token' };
const trusted: SenderContext = {
  attached: true,
  windowDestroyed: false,
  frame: { processId: 7, frameToken: 'main-token', url: APP_ENTRY_URL, detached: false },
  mainFrame,
};
const withFrame = (frame: Partial<NonNullable<SenderContext['frame']>>): SenderContext => ({ ...trusted, frame: { ...trusted.frame!, ...frame } });

describe('the IPC sender check', () => {
  it('answers the main frame of an attached window showing our app:// page', () => {
    expect(isTrustedSender(trusted)).toBe(true);
    expect(isTrustedSender(withFrame({ url: 'app://baobei/index.html#/review/12' }))).toBe(true);
  });

  it('refuses a window the app did not attach, or one already destroyed', () => {
    expect(isTrustedSender({ ...trusted, attached: false })).toBe(false);
    expect(isTrustedSender({ ...trusted, windowDestroyed: true })).toBe(false);
  });

  it('refuses a frame that is gone or detached', () => {
    expect(isTrustedSender({ ...trusted, frame: null })).toBe(false);
    expect(isTrustedSender({ ...trusted, frame: undefined })).toBe(false);
    expect(isTrustedSender(withFrame({ detached: true }))).toBe(false);
  });

  it('refuses a sub-frame, even one of our own origin, and a frame of another renderer process', () => {
    expect(isTrustedSender(withFrame({ frameToken: 'child-token' }))).toBe(false);
    expect(isTrustedSender(withFrame({ processId: 8 }))).toBe(false);
  });

  it('refuses the main frame once it shows anything but our own page', () => {
    for (const url of ['https://evil.example/', 'http://127.0.0.1:5173/', 'file:///C:/Users/x/evil.html', 'app://other/index.html', 'app://baobei.evil/', 'app://user@baobei/', 'data:text/html,<script>', 'about:blank', '']) {
      expect(isTrustedSender(withFrame({ url })), url).toBe(false);
    }
  });
});
