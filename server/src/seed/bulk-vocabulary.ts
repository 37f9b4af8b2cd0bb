/** The words and prices bulk rows are made of: company and person names, a catalogue, methods and terms. */

// prettier-ignore
export const NAME_HEADS = [
  'Acorn', 'Alder', 'Apex', 'Beacon', 'Birch', 'Blue Ridge', 'Bramble', 'Canyon', 'Cedar', 'Cobalt', 'Copper', 'Crescent',
  'Delta', 'Eastgate', 'Ember', 'Falcon', 'Fern', 'Granite', 'Harbor', 'Highland', 'Ironwood', 'Juniper', 'Keystone',
  'Lakeside', 'Maple', 'Meridian', 'Northgate', 'Oakmont', 'Orchard', 'Pinnacle', 'Prairie', 'Quarry', 'Redwood',
  'Riverbend', 'Sable', 'Summit', 'Tidewater', 'Timber', 'Valley', 'Westfield', 'Willow', 'Zenith',
];
// prettier-ignore
export const NAME_TRADES = [
  'Bakery', 'Builders', 'Clinic', 'Dental', 'Distribution', 'Electric', 'Engineering', 'Farms', 'Fitness', 'Foods',
  'Freight', 'Hardware', 'Hospitality', 'Labs', 'Landscaping', 'Logistics', 'Machining', 'Media', 'Motors', 'Outfitters',
  'Packaging', 'Pharmacy', 'Plumbing', 'Printing', 'Realty', 'Robotics', 'Supply', 'Textiles', 'Tooling', 'Ventures',
];
export const NAME_FORMS = ['Inc.', 'LLC', 'Co.', 'Corp.', 'Group', 'Partners', 'Ltd.', '& Sons', 'Holdings', ''];
// prettier-ignore
export const FIRST_NAMES = [
  'Ava', 'Ben', 'Carla', 'Dev', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jamal', 'Kara', 'Liam', 'Maya', 'Noah',
  'Olga', 'Priya', 'Quinn', 'Rosa', 'Sam', 'Tariq', 'Uma', 'Victor', 'Wen', 'Yusuf', 'Zoe',
];
// prettier-ignore
export const LAST_NAMES = [
  'Adams', 'Brooks', 'Chen', 'Diaz', 'Evans', 'Fischer', 'Garcia', 'Hughes', 'Ito', 'Johnson', 'Kowalski', 'Lopez',
  'Murphy', 'Nguyen', 'Okafor', 'Patel', 'Rossi', 'Schmidt', 'Tanaka', 'Usman', 'Varga', 'Walsh', 'Young', 'Zimmer',
];

/** [sku, description, unit price in minor units, fractional quantities allowed (hours, kilos)]. */
export const CATALOGUE: [string, string, number, boolean][] = [
  ['PAP-A4-5K', 'Copy paper A4, 80 g, case of 5,000 sheets', 4_250, false],
  ['TON-HP-26X', 'Toner cartridge, black, high yield', 16_899, false],
  ['PEN-BLU-50', 'Ballpoint pens, blue, box of 50', 1_275, false],
  ['CHR-ERG-02', 'Ergonomic office chair', 28_900, false],
  ['DSK-STD-140', 'Standing desk, 140 cm', 54_900, false],
  ['LBL-4X6-1K', 'Shipping labels 4×6, roll of 1,000', 2_399, false],
  ['BOX-MED-25', 'Shipping boxes, medium, bundle of 25', 3_450, false],
  ['TAP-PKG-36', 'Packing tape, 36 rolls', 5_760, false],
  ['CLN-KIT-01', 'Breakroom cleaning kit', 8_925, false],
  ['SVC-DELIV', 'Scheduled delivery, per stop', 7_500, false],
  ['SVC-INST-HR', 'Installation labour, per hour', 9_533, true],
  ['SVC-CONS-HR', 'Consulting, per hour', 17_777, true],
  ['COF-BEAN-KG', 'Coffee beans, per kg', 2_349, true],
  ['CBL-CAT6-M', 'Cat 6 cable, per metre', 87, true],
  ['MON-27-4K', 'Monitor 27", 4K', 38_999, false],
  ['KBD-WL-01', 'Wireless keyboard', 4_499, false],
];
export const METHODS = ['ach', 'ach', 'card', 'card', 'card', 'debit', 'eft', 'paypal', 'check', 'wire'] as const;
export const TERMS = [15, 30, 30, 30, 45, 60];

/** One of `list`, by the seeded source. */
export function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}
