import { browser } from 'wxt/browser';
import { repository } from '@/utils/db/repository';
import type { JobKind } from '@/utils/jobs/job';
import { createJobRunner, type JobHandler, type JobRunner } from '@/utils/jobs/runner';

const ALARM = 'paperdex-jobs';
/** Chrome wakes a stopped worker for an alarm no sooner than this. */
const MIN_ALARM_MS = 30_000;

/**
 * The job runner of the service worker: resumes the written-down jobs whenever the worker
 * starts (browser start, install or update, an alarm, any message: each runs this again) and
 * keeps an alarm set for the next due job, so that a stopped worker is woken to do it. While
 * the worker lives, a timer does the same sooner.
 */
export function startJobRunner(handlers: Record<JobKind, JobHandler>): JobRunner {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const runner = createJobRunner(repository, handlers, {
    now: () => Date.now(),
    wakeAt(time) {
      clearTimeout(timer);
      if (time === undefined) {
        void browser.alarms.clear(ALARM);
        return;
      }
      timer = setTimeout(() => void runner.kick(), Math.max(0, time - Date.now()));
      void browser.alarms.create(ALARM, { when: Math.max(time, Date.now() + MIN_ALARM_MS) });
    },
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void runner.kick();
  });
  void runner.kick();
  return runner;
}
