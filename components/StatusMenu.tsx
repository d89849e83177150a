import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { READING_STATUSES, READING_STATUS_LABELS, type ReadingStatus } from '@/utils/paper/vocabulary';
import { StatusIcon } from './icons';

interface Props {
  value: ReadingStatus | undefined;
  /** One call per choice: a status is one write. */
  onChange(status: ReadingStatus | null): void;
  /** The button's accessible name ("Reading status", "Set status"). */
  label?: string;
  /** Show the current status as text beside the icon. */
  showValue?: boolean;
  /** The text shown with no status (a bulk action has none: "Set status…"). */
  placeholder?: string;
}

const CHOICES: (ReadingStatus | null)[] = [null, ...READING_STATUSES];
const choiceLabel = (s: ReadingStatus | null) => (s ? READING_STATUS_LABELS[s] : 'No status');

/**
 * Reading status as a menu: moving through the choices writes nothing; choosing one writes once
 * (a select writes on every arrow press).
 */
export function StatusMenu({ value, onChange, label = 'Reading status', showValue = false, placeholder }: Props) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitemradio"]') ?? [])];
    (items.find((i) => i.getAttribute('aria-checked') === 'true') ?? items[0])?.focus();
    const away = (event: MouseEvent) => {
      if (!menu.current?.contains(event.target as Node) && event.target !== button.current) setOpen(false);
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  const onMenuKey = (event: KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitemradio"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const move = (to: number) => items[(to + items.length) % items.length]?.focus();
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(items.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') close();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <span className="status-menu">
      <button
        ref={button}
        type="button"
        className={showValue ? 'status-button' : 'icon-button'}
        aria-label={showValue && !placeholder ? undefined : label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        title={`${label}: ${choiceLabel(value ?? null)}`}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        <StatusIcon />
        {showValue && (
          <>
            {placeholder && !value ? (
              placeholder
            ) : (
              <>
                <span className="visually-hidden">{label}: </span>
                {choiceLabel(value ?? null)}
              </>
            )}
          </>
        )}
      </button>
      {open && (
        <div ref={menu} id={menuId} role="menu" aria-label={label} className="menu" onKeyDown={onMenuKey}>
          {CHOICES.map((s) => (
            <button
              key={s ?? 'none'}
              type="button"
              role="menuitemradio"
              aria-checked={(value ?? null) === s}
              tabIndex={-1}
              onClick={() => {
                close();
                if ((value ?? null) !== s) onChange(s);
              }}
            >
              {choiceLabel(s)}
            </button>
          ))}
        </div>
      )}
    </span>
  );
}
