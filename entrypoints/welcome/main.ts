import { browser } from 'wxt/browser';
import './style.css';

// The shortcuts as the user has them now (they can be changed in the browser's settings).
void browser.commands
  .getAll()
  .then((commands) => {
    for (const kbd of document.querySelectorAll<HTMLElement>('kbd[data-command]')) {
      const name = kbd.dataset.command!;
      const command = commands.find((c) => c.name === name || (name === '_execute_action' && c.name === '_execute_browser_action'));
      if (command?.shortcut) kbd.textContent = command.shortcut;
      else if (command) kbd.textContent = 'not set';
    }
  })
  .catch(() => undefined);
