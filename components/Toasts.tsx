import type { Toasts as ToastState } from '@/hooks/useToasts';
import { CloseIcon } from './icons';

/** The page's messages, at the bottom over the content: announced, never moving the layout. */
export function Toasts({ state }: { state: ToastState }) {
  return (
    <div className="toasts">
      {state.toasts.map((toast) => (
        <div key={toast.id} className={`toast ${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'}>
          <span>{toast.text}</span>
          {toast.action && (
            <button
              type="button"
              onClick={() => {
                state.dismiss(toast.id);
                toast.action!.run();
              }}
            >
              {toast.action.label}
            </button>
          )}
          <button type="button" className="icon-button" aria-label="Dismiss message" onClick={() => state.dismiss(toast.id)}>
            <CloseIcon size={14} />
          </button>
        </div>
      ))}
    </div>
  );
}
