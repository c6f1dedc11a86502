import type zhCN from './zh-CN';

/** Drawing and editing grids (English). */
const drawing: typeof zhCN = {
  title: 'Draw and edit',
  hint: "Drawing snaps to the neighbouring grids' edges and vertices, so no gaps or overlaps appear",
  draw: 'Draw a grid',
  editVertices: 'Edit vertices',
  split: 'Split grid',
  merge: 'Merge grids',
  cancel: 'Cancel',
  drawHint: 'Click the vertices on the map; click the first vertex to finish',
  editHint: 'Drag the vertices, then press "Check"',
  splitHint: 'Draw a line across the selected grid; double-click to finish',
  check: 'Check',
  checking: 'Checking…',
  valid: 'Valid boundary: inside the parent, no overlap with a neighbour',
  invalid: 'Invalid boundary: it cannot be saved',
  neighbour: 'Neighbour {code}',
  code: 'Grid code',
  name: 'Grid name',
  newCode: 'New grid code',
  newName: 'New grid name',
  save: 'Save',
  saved: 'Saved',
  splitDone: 'Split into {a} and {b}',
  mergeWith: 'Merge with',
  mergeName: 'Name after merging',
  mergeDone: 'Merged into {name}',
  needCommunity: 'Select a community to draw grids in it',
  needGrid: 'Click a grid on the map to edit, split or merge it',
  saveFailed: 'Could not save',
};

export default drawing;
