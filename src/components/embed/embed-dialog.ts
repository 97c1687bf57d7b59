// The Copy button of <EmbedSnippet>: copies the embed code with the Clipboard API and says so in the
// control's live status ("Copied"); where the API is missing or refused (plain http, a frame without
// clipboard permission), selects the code and asks the reader to copy it. Without JavaScript the
// button stays hidden and the code can be selected by hand.
// With JavaScript the code gets an instance id (?frame=<id>, snippet.ts: withFrameId), new at each
// page view: the copy a journalist pastes names its frame uniquely in the messages whose formats have a
// key (Datawrapper's), even with two copies of one chart on a page. Without JavaScript, and in the
// oEmbed answer, the code stays as built. Its words come from the button (data-copied, data-selected).
import { withFrameId } from './snippet';

const CLEAR_AFTER = 6000;

/** 8 random letters and digits. */
function instanceId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => (b % 36).toString(36)).join('');
}

function setup(button: HTMLButtonElement): void {
  const field = document.getElementById(button.dataset.embedCopy ?? '');
  const status = button.parentElement?.querySelector<HTMLElement>('[role="status"]');
  if (!(field instanceof HTMLTextAreaElement) || !status) return;
  field.value = withFrameId(field.value, instanceId());
  let timer: ReturnType<typeof setTimeout> | undefined;
  const say = (text: string) => {
    clearTimeout(timer);
    status.textContent = text;
    timer = setTimeout(() => (status.textContent = ''), CLEAR_AFTER);
  };
  field.addEventListener('focus', () => field.select());
  button.addEventListener('click', async () => {
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no Clipboard API');
      await navigator.clipboard.writeText(field.value);
      say(button.dataset.copied ?? '');
    } catch {
      field.focus();
      field.select();
      say(button.dataset.selected ?? '');
    }
  });
  button.hidden = false;
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-embed-copy]')) setup(button);
