/** 智能分拨 (the `suggest` section of the console's English messages). */
const suggest = {
  title: 'Smart routing',
  categories: 'Suggested categories',
  units: 'Suggested units',
  thinking: 'Reading the description…',
  none: 'No suggestion yet: choose the category yourself',
  hint: 'From the description and closed events; click to use',
  applied: 'Suggested category applied',
  score: 'Confidence {score}%',
};

export default suggest;
