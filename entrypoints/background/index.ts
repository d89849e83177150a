import { defineBackground } from 'wxt/utils/define-background';
import { registerMessageHandlers } from './messages';
import { registerOmnibox } from './omnibox';
import { registerWelcome } from './welcome';

export default defineBackground({
  main() {
    registerMessageHandlers();
    registerOmnibox();
    registerWelcome();
  },
});
