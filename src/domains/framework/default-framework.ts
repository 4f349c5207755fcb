// The Human Leadership framework every organisation starts with (published as version 1). Written
// for Lodestar in its own words from the ideas in the source article: three building blocks of
// behavioural change, managing and leading as two practices everyone does, old behaviours to
// unlearn, and the team climate a leader creates. No item is taken from a published questionnaire.
// Reverse-keyed items are used where a behaviour is naturally described by its absence; they help
// catch people who agree with everything.
import {
  type FrameworkDefinition,
  type FrameworkDefinitionInput,
  frameworkDefinition,
} from './definition.ts';

type ItemInput = FrameworkDefinitionInput['capabilities'][number]['items'][number];

/** [self wording, observer wording, reverse-keyed?] — keys are the capability key and a number. */
type Behaviour = readonly [self: string, observer: string, reversed?: 'reversed'];

function items(capability: string, behaviours: readonly Behaviour[]): ItemInput[] {
  return behaviours.map(([self, observer, reversed], i) => ({
    key: `${capability}-${i + 1}`,
    self,
    observer,
    reversed: reversed === 'reversed',
  }));
}

const AGREEMENT = 'agreement';
const FREQUENCY = 'frequency';

const input: FrameworkDefinitionInput = {
  name: 'Human Leadership framework',
  description:
    'Leadership at every career stage, built on three building blocks of behavioural change — self-knowledge, ' +
    'self-empowerment and self-leadership — with the everyday practice of managing ("doing things right") and ' +
    'leading ("doing the right things"), the old behaviours worth unlearning, and the climate of meaning, growth ' +
    'and belonging a leader creates for others.',
  responseScales: [
    {
      key: AGREEMENT,
      labels: ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'],
      cantSay: 'Can’t say',
    },
    {
      key: FREQUENCY,
      labels: ['Never', 'Rarely', 'Sometimes', 'Often', 'Almost always'],
      cantSay: 'Can’t say',
    },
  ],
  blocks: [
    {
      key: 'self-knowledge',
      name: 'Self-knowledge',
      kind: 'building-block',
      description:
        'Knowing who you are as a leader: what you notice in yourself, what you value and what drives you. ' +
        'Every other change builds on it.',
    },
    {
      key: 'self-empowerment',
      name: 'Self-empowerment',
      kind: 'building-block',
      description:
        'The empowering skills that turn self-knowledge into influence: relationships, inspiring others, ' +
        'strategic thinking and a vision worth working towards.',
    },
    {
      key: 'self-leadership',
      name: 'Self-leadership',
      kind: 'building-block',
      description:
        'Leading yourself: owning outcomes fully, learning with courage, and looking after the energy that ' +
        'change takes.',
    },
    {
      key: 'management-practice',
      name: 'Management practice',
      kind: 'practice',
      description: 'Doing things right: the day-to-day execution that keeps work on track.',
    },
    {
      key: 'leadership-practice',
      name: 'Leadership practice',
      kind: 'practice',
      description:
        'Doing the right things: setting direction and creating an environment in which people thrive.',
    },
    {
      key: 'derailers',
      name: 'Old behaviours to unlearn',
      kind: 'derailers',
      description:
        'Habits that once passed for strong leadership and now get in the way. Rated by how often they show ' +
        'up: less is better.',
    },
    {
      key: 'team-climate',
      name: 'Team climate',
      kind: 'climate',
      description:
        'How it feels to work in a leader’s team: meaning, growth and belonging. Rated by the leader’s direct ' +
        'reports, as the outcome of their leadership.',
    },
  ],
  capabilities: [
    {
      key: 'self-awareness',
      block: 'self-knowledge',
      name: 'Self-awareness',
      description: 'Noticing your own moods, strengths and limits, and the effect you have on others.',
      explanation:
        'Self-awareness is the starting point for every other change: you can only adjust what you can see. ' +
        'It means knowing what you do well, where you struggle and how your behaviour lands with other people, ' +
        'especially under pressure.',
      responseScale: AGREEMENT,
      items: items('self-awareness', [
        [
          'I can name the situations that bring out the best and the worst in me.',
          'They know which situations bring out the best and the worst in them.',
        ],
        [
          'I notice how my mood affects the people around me.',
          'They notice how their mood affects the people around them.',
        ],
        [
          'I am often surprised by how other people describe my behaviour.',
          'They are often surprised by how other people describe their behaviour.',
          'reversed',
        ],
        [
          'I can describe my main strengths and limits in plain words.',
          'They can describe their main strengths and limits in plain words.',
        ],
      ]),
    },
    {
      key: 'values-motivations',
      block: 'self-knowledge',
      name: 'Values and motivations',
      description:
        'Knowing what matters to you and what gives you energy, and letting that guide your choices.',
      explanation:
        'When you know your values and what motivates you, your decisions become more consistent and easier ' +
        'for others to trust. It also helps you lead in a way that fits who you are, instead of copying ' +
        'someone else’s style.',
      responseScale: AGREEMENT,
      items: items('values-motivations', [
        [
          'I can explain which values guide my decisions at work.',
          'They can explain which values guide their decisions.',
        ],
        [
          'I know which kinds of work give me energy and which drain me.',
          'They know which kinds of work give them energy and which drain them.',
        ],
        [
          'When a decision conflicts with my values, I say so.',
          'When a decision conflicts with their values, they say so.',
        ],
        [
          'I am unsure what I want from my working life.',
          'They seem unsure what they want from their working life.',
          'reversed',
        ],
      ]),
    },
    {
      key: 'building-relationships',
      block: 'self-empowerment',
      name: 'Building strong relationships',
      description: 'Creating trust and genuine connection with people inside and beyond your team.',
      explanation:
        'Work gets done through people. Strong relationships mean people tell you the truth, help when it ' +
        'counts and give you the benefit of the doubt. They are built in small moments: listening, following ' +
        'up and taking an interest in the person as well as the task.',
      responseScale: AGREEMENT,
      items: items('building-relationships', [
        [
          'I make time to get to know the people I work with as people.',
          'They make time to get to know the people they work with as people.',
        ],
        [
          'I keep in touch with colleagues outside my immediate team.',
          'They keep in touch with colleagues outside their immediate team.',
        ],
        [
          'People come to me when something is going wrong.',
          'People go to them when something is going wrong.',
        ],
        [
          'I only get in touch with people when I need something from them.',
          'They only get in touch with people when they need something from them.',
          'reversed',
        ],
      ]),
    },
    {
      key: 'inspiring-influencing',
      block: 'self-empowerment',
      name: 'Inspiring and influencing others',
      description: 'Moving people to act through conviction, stories and listening rather than authority.',
      explanation:
        'Influence is making things happen when you cannot simply tell people what to do. It rests on ' +
        'credibility, on understanding what others care about and on making a case that connects with it. ' +
        'Inspiring goes one step further: people want to join in.',
      responseScale: AGREEMENT,
      items: items('inspiring-influencing', [
        [
          'I adapt how I make my case to what matters to the person I am talking to.',
          'They adapt how they make their case to what matters to the person they are talking to.',
        ],
        [
          'I can bring people round to an idea without relying on my position.',
          'They can bring people round to an idea without relying on their position.',
        ],
        [
          'I explain the story behind a piece of work so people see why it matters.',
          'They explain the story behind a piece of work so people see why it matters.',
        ],
        [
          'I struggle to win support for ideas I believe in.',
          'They struggle to win support for ideas they believe in.',
          'reversed',
        ],
      ]),
    },
    {
      key: 'strategic-thinking',
      block: 'self-empowerment',
      name: 'Strategic thinking',
      description:
        'Seeing the bigger picture, spotting patterns and trade-offs, and thinking past the next deadline.',
      explanation:
        'Strategic thinking means stepping back from the task in front of you to ask where things are heading, ' +
        'what matters most and what to stop doing. It pays off at every career stage: a clear view of the bigger ' +
        'picture improves everyday choices.',
      responseScale: AGREEMENT,
      items: items('strategic-thinking', [
        [
          'I think about how my work connects to the wider goals of the organisation.',
          'They think about how their work connects to the wider goals of the organisation.',
        ],
        [
          'I look for trends and patterns before deciding what to do.',
          'They look for trends and patterns before deciding what to do.',
        ],
        [
          'I weigh long-term consequences, not only this week’s results.',
          'They weigh long-term consequences, not only this week’s results.',
        ],
        [
          'I decide what not to do, so that effort goes where it counts most.',
          'They decide what not to do, so that effort goes where it counts most.',
        ],
      ]),
    },
    {
      key: 'creating-vision',
      block: 'self-empowerment',
      name: 'Creating a vision',
      description:
        'Describing a future worth working towards, so people can see where they are going and why.',
      explanation:
        'A vision is a picture of what good looks like in the future, clear enough that people can make their ' +
        'own decisions in its light. It needs no big title: a team, a project or your own career all benefit ' +
        'from a shared sense of where they are heading.',
      responseScale: AGREEMENT,
      items: items('creating-vision', [
        [
          'I can describe what success looks like a year or more from now.',
          'They can describe what success looks like a year or more from now.',
        ],
        [
          'I involve other people in shaping where we are heading.',
          'They involve other people in shaping where the team is heading.',
        ],
        [
          'The people I work with could explain the future I am working towards.',
          'The people they work with could explain the future they are working towards.',
        ],
        [
          'I find it hard to look beyond the current round of work.',
          'They find it hard to look beyond the current round of work.',
          'reversed',
        ],
      ]),
    },
    {
      key: 'ownership',
      block: 'self-leadership',
      name: '100% ownership',
      description:
        'Taking full responsibility for your choices, results and development, without waiting for permission ' +
        'or blaming circumstances.',
      explanation:
        '100% ownership means treating what happens next as yours to shape: your results, your reactions and ' +
        'your own learning. It is not about doing everything alone; it is about never waiting for someone else ' +
        'to improve your situation.',
      responseScale: AGREEMENT,
      items: items('ownership', [
        [
          'When something goes wrong, I look first at what I could have done differently.',
          'When something goes wrong, they look first at what they could have done differently.',
        ],
        [
          'I take charge of my own development instead of waiting for it to be arranged.',
          'They take charge of their own development instead of waiting for it to be arranged.',
        ],
        [
          'I explain setbacks by pointing to circumstances or to other people.',
          'They explain setbacks by pointing to circumstances or to other people.',
          'reversed',
        ],
        [
          'I do what I said I would do, or say early when I cannot.',
          'They do what they said they would do, or say early when they cannot.',
        ],
      ]),
    },
    {
      key: 'courageous-learning',
      block: 'self-leadership',
      name: 'Courageous learning',
      description: 'Seeking feedback, trying new things and learning from mistakes in the open.',
      explanation:
        'Courageous learners move towards what they do not know yet. They ask for feedback that might sting, ' +
        'try approaches that might fail and share what they learned. It is how skills keep growing after formal ' +
        'training stops.',
      responseScale: AGREEMENT,
      items: items('courageous-learning', [
        [
          'I ask for feedback even when I expect it to be critical.',
          'They ask for feedback even when they expect it to be critical.',
        ],
        [
          'I try new approaches even when I might fail.',
          'They try new approaches even when they might fail.',
        ],
        [
          'I talk openly about what I learned from my mistakes.',
          'They talk openly about what they learned from their mistakes.',
        ],
        [
          'I avoid tasks in which I might look inexperienced.',
          'They avoid tasks in which they might look inexperienced.',
          'reversed',
        ],
      ]),
    },
    {
      key: 'wellbeing-energy',
      block: 'self-leadership',
      name: 'Wellbeing and energy',
      description: 'Managing your energy, rest and boundaries so that you can do well over time.',
      explanation:
        'Nobody leads well for long while running on empty. Looking after your energy — sleep, breaks, ' +
        'boundaries and whatever restores you — is part of the job, and it shows everyone around you that ' +
        'healthy habits are welcome.',
      responseScale: AGREEMENT,
      items: items('wellbeing-energy', [
        [
          'I organise my week so that I have energy for what matters most.',
          'They organise their week so that they have energy for what matters most.',
        ],
        ['I take proper breaks and time to recover.', 'They take proper breaks and time to recover.'],
        [
          'I notice early when I am running low, and do something about it.',
          'They notice early when they are running low, and do something about it.',
        ],
        [
          'I feel too drained to do my best work.',
          'They seem too drained to do their best work.',
          'reversed',
        ],
      ]),
    },
    {
      key: 'planning-organising',
      block: 'management-practice',
      name: 'Planning and organising',
      description: 'Turning goals into realistic plans, priorities and schedules.',
      explanation:
        'Planning and organising is the backbone of doing things right: knowing what needs to happen, in what ' +
        'order, by whom and by when. Good plans make work calmer and make problems visible early.',
      practice: 'manage',
      responseScale: AGREEMENT,
      items: items('planning-organising', [
        [
          'I break goals down into clear steps with realistic timings.',
          'They break goals down into clear steps with realistic timings.',
        ],
        [
          'I set priorities so that the most important work is done first.',
          'They set priorities so that the most important work is done first.',
        ],
        [
          'I plan for the time and resources a piece of work will really need.',
          'They plan for the time and resources a piece of work will really need.',
        ],
        [
          'My work ends up disorganised or done at the last minute.',
          'Their work ends up disorganised or done at the last minute.',
          'reversed',
        ],
      ]),
    },
    {
      key: 'execution-follow-through',
      block: 'management-practice',
      name: 'Execution and follow-through',
      description:
        'Getting things done to the agreed standard and keeping them on track until they are finished.',
      explanation:
        'Execution turns plans into results. Following through means checking progress, clearing blockers and ' +
        'closing things off properly, so that nothing important quietly stalls.',
      practice: 'manage',
      responseScale: AGREEMENT,
      items: items('execution-follow-through', [
        [
          'I finish what I start to the standard that was agreed.',
          'They finish what they start to the standard that was agreed.',
        ],
        [
          'I check progress regularly and act quickly when work slips.',
          'They check progress regularly and act quickly when work slips.',
        ],
        [
          'I clear the obstacles that slow the work down.',
          'They clear the obstacles that slow the work down.',
        ],
        [
          'I close things off properly instead of leaving loose ends.',
          'They close things off properly instead of leaving loose ends.',
        ],
      ]),
    },
    {
      key: 'delegating-tracking',
      block: 'management-practice',
      name: 'Delegating and tracking',
      description: 'Handing over work with clear expectations and keeping track of it without micromanaging.',
      explanation:
        'Delegating well frees your time and helps other people grow. It needs clarity about what is expected ' +
        'and by when, the right amount of support, and a light way of tracking progress that does not take the ' +
        'work back.',
      practice: 'manage',
      responseScale: AGREEMENT,
      items: items('delegating-tracking', [
        [
          'When I hand over work, I make clear what is expected and by when.',
          'When they hand over work, they make clear what is expected and by when.',
        ],
        [
          'I keep track of work I have handed over without taking it back.',
          'They keep track of work they have handed over without taking it back.',
        ],
        [
          'I match tasks to people’s skills and to what they want to learn.',
          'They match tasks to people’s skills and to what they want to learn.',
        ],
        ['I hold on to work that others could do.', 'They hold on to work that others could do.', 'reversed'],
      ]),
    },
    {
      key: 'setting-direction',
      block: 'leadership-practice',
      name: 'Setting direction',
      description: 'Deciding where to go, and making the why and the priorities clear to others.',
      explanation:
        'Setting direction is choosing the right things to work on and making that choice clear: what we aim ' +
        'for, why it matters and what comes first. People can only pull together when they know which way is ' +
        'forward.',
      practice: 'lead',
      responseScale: AGREEMENT,
      items: items('setting-direction', [
        [
          'I make clear what we are aiming for and why it matters.',
          'They make clear what the team is aiming for and why it matters.',
        ],
        [
          'I revisit our direction when circumstances change.',
          'They revisit the direction when circumstances change.',
        ],
        [
          'I help people see how their work fits the bigger goal.',
          'They help people see how their work fits the bigger goal.',
        ],
        [
          'The people around me are unsure what our priorities are.',
          'The people around them are unsure what the priorities are.',
          'reversed',
        ],
      ]),
    },
    {
      key: 'thriving-environment',
      block: 'leadership-practice',
      name: 'Creating an environment where people thrive',
      description: 'Building the trust, meaning, growth and belonging in which others do their best work.',
      explanation:
        'Leaders shape the conditions other people work in. People thrive where it is safe to speak up, where ' +
        'work has meaning, where there is room to grow and where everyone belongs. It is the clearest outcome ' +
        'of human leadership.',
      practice: 'lead',
      responseScale: AGREEMENT,
      items: items('thriving-environment', [
        [
          'I make it safe for people to raise problems and to disagree with me.',
          'They make it safe for people to raise problems and to disagree with them.',
        ],
        [
          'I create opportunities for other people to grow.',
          'They create opportunities for other people to grow.',
        ],
        [
          'I make sure everyone in the group feels included.',
          'They make sure everyone in the group feels included.',
        ],
        [
          'I recognise other people’s contributions in ways that matter to them.',
          'They recognise other people’s contributions in ways that matter to them.',
        ],
      ]),
    },
    {
      key: 'needing-to-win',
      block: 'derailers',
      name: 'Needing to win',
      description: 'Treating conversations and decisions as contests to be won.',
      explanation:
        'Wanting to do well is healthy; needing to win every exchange is not. It shuts out other people’s ' +
        'ideas, turns colleagues into opponents and makes it hard to admit that someone else is right.',
      derailer: true,
      responseScale: FREQUENCY,
      items: items('needing-to-win', [
        [
          'I keep arguing my point after the group has moved on.',
          'They keep arguing their point after the group has moved on.',
        ],
        [
          'I feel I have lost when someone else’s idea is chosen over mine.',
          'They act as if they have lost when someone else’s idea is chosen over theirs.',
        ],
        ['I let other people have the last word.', 'They let other people have the last word.', 'reversed'],
      ]),
    },
    {
      key: 'profit-at-all-cost',
      block: 'derailers',
      name: 'Profit at all cost',
      description: 'Pursuing results or targets in ways that cost people, trust or the longer term.',
      explanation:
        'Results matter, but chasing them at any price wears people out, damages trust with customers and ' +
        'colleagues, and often undermines the results themselves later on.',
      derailer: true,
      responseScale: FREQUENCY,
      items: items('profit-at-all-cost', [
        [
          'I push for results even when it puts unfair pressure on people.',
          'They push for results even when it puts unfair pressure on people.',
        ],
        ['I cut corners to hit a target.', 'They cut corners to hit a target.'],
        [
          'I treat the effect on people as secondary to the numbers.',
          'They treat the effect on people as secondary to the numbers.',
        ],
      ]),
    },
    {
      key: 'game-face',
      block: 'derailers',
      name: 'Game face',
      description: 'Hiding what you really think or feel behind a confident, composed front.',
      explanation:
        'A permanent game face makes you hard to read and hard to trust. People sense the gap between what you ' +
        'show and what is really going on, and start hiding things too.',
      derailer: true,
      responseScale: FREQUENCY,
      items: items('game-face', [
        [
          'I act as though everything is fine when it is not.',
          'They act as though everything is fine when it is not.',
        ],
        [
          'I hide my real reaction to keep up appearances.',
          'They hide their real reaction to keep up appearances.',
        ],
        [
          'I let people see how I actually feel about things.',
          'They let people see how they actually feel about things.',
          'reversed',
        ],
      ]),
    },
    {
      key: 'knowing-all-the-answers',
      block: 'derailers',
      name: 'Knowing all the answers',
      description: 'Feeling you must always have the answer, and struggling to say “I don’t know”.',
      explanation:
        'Leaders who must know everything become bottlenecks and stop other people from thinking. Saying “I ' +
        'don’t know — what do you think?” invites better ideas and builds other people’s capability.',
      derailer: true,
      responseScale: FREQUENCY,
      items: items('knowing-all-the-answers', [
        [
          'I give an answer even when I am not sure of it.',
          'They give an answer even when they are not sure of it.',
        ],
        ['I find it hard to say “I don’t know”.', 'They find it hard to say “I don’t know”.'],
        [
          'I ask other people for their ideas before offering mine.',
          'They ask other people for their ideas before offering their own.',
          'reversed',
        ],
      ]),
    },
    {
      key: 'never-showing-vulnerability',
      block: 'derailers',
      name: 'Never showing vulnerability',
      description: 'Keeping doubts, mistakes and the need for help out of sight.',
      explanation:
        'Showing no weakness can look like strength, but it keeps people at a distance and teaches them to hide ' +
        'their own mistakes. Admitting doubt or asking for help builds trust and makes learning possible for ' +
        'everyone.',
      derailer: true,
      responseScale: FREQUENCY,
      items: items('never-showing-vulnerability', [
        ['I keep my mistakes to myself.', 'They keep their mistakes to themselves.'],
        [
          'I avoid asking for help, even when I need it.',
          'They avoid asking for help, even when they need it.',
        ],
        [
          'I tell people when I am finding something difficult.',
          'They tell people when they are finding something difficult.',
          'reversed',
        ],
      ]),
    },
    {
      key: 'meaning',
      block: 'team-climate',
      name: 'Meaning',
      description: 'People see why their work matters and what it contributes.',
      explanation:
        'Meaning is the sense that your work is worthwhile. Teams with a strong sense of meaning can say whom ' +
        'their work helps, and find it easier to stay committed when things get hard.',
      responseScale: AGREEMENT,
      items: items('meaning', [
        ['I help the people in my team see why their work matters.', 'They help me see why my work matters.'],
        [
          'I connect my team’s everyday tasks to a purpose people care about.',
          'They connect our everyday tasks to a purpose I care about.',
        ],
        [
          'I make sure people hear about the difference their work makes.',
          'They make sure I hear about the difference my work makes.',
        ],
        [
          'I leave people unsure what the point of their work is.',
          'They leave me unsure what the point of my work is.',
          'reversed',
        ],
      ]),
    },
    {
      key: 'growth',
      block: 'team-climate',
      name: 'Growth',
      description: 'People learn, stretch and get better at what they do.',
      explanation:
        'Growth is the sense of getting better at something that matters to you. Teams where people grow keep ' +
        'their best people and adapt faster, because learning is part of the work rather than an extra.',
      responseScale: AGREEMENT,
      items: items('growth', [
        [
          'I give each person in my team room to learn and to stretch.',
          'They give me room to learn and to stretch.',
        ],
        [
          'I talk with the people in my team about their development.',
          'They talk with me about my development.',
        ],
        ['I give feedback that helps people improve.', 'They give me feedback that helps me improve.'],
        [
          'I keep people on the same tasks without chances to learn.',
          'They keep me on the same tasks without chances to learn.',
          'reversed',
        ],
      ]),
    },
    {
      key: 'belonging',
      block: 'team-climate',
      name: 'Belonging',
      description: 'People feel accepted, valued and part of the team.',
      explanation:
        'Belonging is feeling accepted as you are and valued as part of the group. People who belong speak up, ' +
        'help each other and bring their whole ability to the work.',
      responseScale: AGREEMENT,
      items: items('belonging', [
        [
          'I make sure everyone in my team feels they belong.',
          'They make me feel that I belong in the team.',
        ],
        ['I treat every team member’s views as worth hearing.', 'They treat my views as worth hearing.'],
        [
          'I make it easy for people to be themselves at work.',
          'They make it easy for me to be myself at work.',
        ],
        [
          'I leave some people on the edge of the team.',
          'They leave me feeling on the edge of the team.',
          'reversed',
        ],
      ]),
    },
  ],
};

/** Parsed once at load: a mistake in the text above fails every test and the server start at once. */
export const DEFAULT_FRAMEWORK: FrameworkDefinition = frameworkDefinition.parse(input);
