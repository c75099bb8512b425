/** 2026-12-01: a contact's `fullName` is called `name`. */
import { renamedProperty, type VersionChange } from '../version-change.ts';

const name = renamedProperty('name', 'fullName');

export const contactName: VersionChange = {
  version: '2026-12-01',
  description: "A contact's `fullName` is now `name`, in what the contacts API takes and in what it answers.",
  // The contact as answered (alone, in pages and in exports), and the bodies that create and change one.
  schemas: { Contact: name, NewContact: name, ContactChange: name },
};
