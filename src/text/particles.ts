// Korean particles (조사) and copula endings, in one place. The lists differ on purpose: each names the
// job it does, and merging them changes results (a topic word must keep 이다-forms that entity names lose).

const words = (s: string): string[] => s.trim().split(/\s+/);

/** Particles and copula endings stripped from the end of a name-bearing word (entities, NER), longest first. */
export const PARTICLES = words(`
  에게서는 으로부터 에서부터 에서는 에서도 에서의 으로서 으로써 으로는 으로도 에게는 에게도 이라는 이라고 이라며 이라면 이었다 이었던
  까지는 부터는 보다는 처럼 만큼 마저 조차 이나 이며 이고 이자 이다 였다 였던 이란 라는 라고 라며 와의 과의 에의 로의 에는 에도
  으로 에서 에게 한테 께서 부터 까지 보다 하고 이랑 로서 로써 로는 로도 이든 든지 은 는 이 가 을 를 의 와 과 에 로 도 만 랑 나 께 야 여
`);

/** The short list stripped from topic words before two figures' contexts are compared (findings), longest first. */
export const TOPIC_PARTICLES = words(`
  으로는 에서는 으로 에서 에게 까지 부터 처럼 보다 과의 와의 에는 은 는 이 가 을 를 의 에 와 과 도 로 만
`);

/** Subject and topic markers: the word they end is what the sentence is about (은/는/이/가). */
export const SUBJECT_PARTICLES = words('은 는 이 가');

/** Particles and endings cut from a quote's words before two quotes are compared (…했다, …것). */
export const QUOTE_WORD_ENDINGS = words('에서 으로 와의 과의 에게 은 는 이 가 을 를 의 와 과 에 도 고 다 것');

/** `word` without the first of `particles` it ends in, keeping at least `minStem` characters. */
export function stripParticle(word: string, particles: readonly string[], minStem = 2): string {
  for (const p of particles) if (word.length >= p.length + minStem && word.endsWith(p)) return word.slice(0, -p.length);
  return word;
}

/** A pattern matching any of `particles` at the end of a string (longest alternatives first). */
export const endingIn = (particles: readonly string[]): RegExp =>
  new RegExp(`(${[...particles].sort((a, b) => b.length - a.length).join('|')})$`);
