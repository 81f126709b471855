// Loaded with `node --import` into a real bakeoff process: its clock runs BAKEOFF_TEST_CLOCK_SHIFT_MS behind, so
// the sessions it makes are that old (ids, timestamps, last_active_at) without editing a file afterwards.
const shiftMs = Number(process.env.BAKEOFF_TEST_CLOCK_SHIFT_MS ?? '0');
const RealDate = Date;

class ShiftedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() - shiftMs);
    else super(...args);
  }

  static now() {
    return RealDate.now() - shiftMs;
  }
}

globalThis.Date = ShiftedDate;
