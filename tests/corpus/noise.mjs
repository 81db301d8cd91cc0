// The noise the corpus test injects into each source: boilerplate lines as a pasted web page
// leaves them, and promotional paragraphs in several registers. All written for plume's tests
// (none is corpus text), drawn deterministically from a generator seeded by the article id.

// mulberry32: a small seeded generator, the same sequence for the same seed on every machine.
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = (r, list) => list[Math.floor(r() * list.length)];
const int = (r, lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
const two = (n) => String(n).padStart(2, "0");

// Headlines of other (invented) stories, as « Lire aussi » links show them.
const OTHER_TITLES = [
  "Les prix de l'immobilier reculent pour la première fois depuis dix ans dans les grandes villes",
  "Un festival de jazz annulé à la dernière minute faute de bénévoles",
  "La ligne de tramway prolongée jusqu'au nouvel hôpital d'ici deux ans",
  "Ce que change la réforme des bourses étudiantes à la rentrée prochaine",
  "Un randonneur retrouvé sain et sauf après deux nuits dans le massif",
  "Les boulangers inquiets face à la flambée du prix de la farine",
  "Une exposition consacrée aux cartes marines anciennes ouvre ses portes",
  "Le conseil municipal vote la gratuité des cantines pour les familles modestes",
];
const FIRST = ["Camille", "Julien", "Sophie", "Antoine", "Léa", "Mathieu", "Claire", "Nicolas"];
const LAST = ["Moreau", "Lefèvre", "Garnier", "Rousseau", "Fabre", "Chevalier", "Perrin", "Marchand"];
const PHOTO = ["AFP", "Reuters", "Maxppp", "Hans Lucas", "SIPA", "Getty Images"];

// Boilerplate line templates: each returns one line.
export const BOILERPLATE = [
  () => "Partager cet article sur Facebook Twitter LinkedIn",
  (r) => `Lire aussi : ${pick(r, OTHER_TITLES)}`,
  (r) => `Crédit photo : ${pick(r, FIRST)} ${pick(r, LAST)} / ${pick(r, PHOTO)}`,
  (r) => {
    const d = int(r, 1, 28), m = int(r, 1, 12), h = int(r, 6, 22), min = int(r, 0, 59);
    return `Publié le ${two(d)}/${two(m)}/2020 à ${h}h${two(min)}, mis à jour le ${two(d)}/${two(m)}/2020 à ${h + 1}h${two((min + 17) % 60)}`;
  },
  (r) => `${int(r, 2, 480)} commentaires`,
  () => "Publicité",
  () => "Inscrivez-vous à notre newsletter pour recevoir chaque matin l'essentiel de l'actualité",
  () => "Ce site utilise des cookies pour améliorer votre expérience. En poursuivant votre navigation, vous acceptez leur utilisation.",
  (r) => {
    const f = pick(r, FIRST), l = pick(r, LAST);
    return `Par ${f} ${l}, journaliste — ${f.toLowerCase()}.${l.toLowerCase()}@redaction-exemple.fr`;
  },
  () => "Suivez-nous sur Instagram et abonnez-vous à notre chaîne YouTube",
  (r) => `Temps de lecture : ${int(r, 2, 9)} min`,
  () => "Signaler un contenu illicite | Imprimer | Envoyer par e-mail",
  () => "Vous avez aimé cet article ? Partagez-le avec vos proches !",
  (r) => `Cet article vous a été utile ? Oui (${int(r, 3, 90)}) Non (${int(r, 0, 9)})`,
];

// Promotional paragraphs (35–80 words), one register each.
export const PROMOS = [
  // VPN offer with a code and a price
  "Vous voulez naviguer en toute discrétion, même sur le wifi d'un café ? Profitez dès aujourd'hui de notre VPN partenaire à 2,49 € par mois au lieu de 11,99 €. Avec le code LECTURE70, vous bénéficiez en plus de trois mois offerts. Installez l'application en deux minutes sur tous vos appareils et protégez vos données sans engagement.",
  // newspaper subscription
  "Soutenez une information libre et indépendante : abonnez-vous pour 1 € le premier mois, puis 9,99 € par mois, sans engagement. Vous accédez à tous nos articles, à l'édition numérique du journal dès 6 heures et à nos newsletters réservées aux abonnés. Résiliable en un clic, à tout moment, depuis votre espace personnel.",
  // e-commerce deal
  "Bon plan du jour : l'aspirateur robot laveur passe à 189 € au lieu de 349 € chez notre partenaire, soit 46 % de réduction. Livraison gratuite en 24 heures et retours offerts pendant 30 jours. Dépêchez-vous, l'offre est limitée aux stocks disponibles et prend fin dimanche à minuit. Cliquez ici pour en profiter avant qu'il ne soit trop tard.",
  // app download
  "Ne manquez plus aucune alerte : téléchargez gratuitement notre application sur l'App Store et Google Play. Activez les notifications pour recevoir les informations importantes en temps réel, personnalisez votre fil selon vos centres d'intérêt et retrouvez vos articles hors connexion. Plus de deux millions de lecteurs l'utilisent déjà chaque jour, rejoignez-les.",
  // online course
  "Envie de changer de métier en 2021 ? Notre formation en ligne de développeur web vous permet de décrocher un diplôme reconnu par l'État en seulement six mois. Cours en vidéo, mentor dédié et stage garanti : réservez dès maintenant votre appel d'orientation gratuit. Votre formation peut être financée à 100 % par votre compte personnel de formation.",
  // sponsored insurance
  "Contenu sponsorisé. Et si vous payiez enfin votre assurance auto moins cher ? En moins de trois minutes, comparez les offres de plus de quarante assureurs et économisez jusqu'à 350 € par an. Le devis est gratuit et sans engagement. Faites le test dès aujourd'hui : la plupart de nos clients changent de contrat en un seul clic.",
  // energy supplier
  "Votre facture d'électricité s'envole ? Passez à l'offre verte de notre fournisseur partenaire et bénéficiez d'un prix du kWh bloqué pendant deux ans, 10 % moins cher que le tarif réglementé. Souscrivez en ligne en cinq minutes, sans coupure ni frais de mise en service. Munissez-vous simplement de votre dernière facture et laissez-vous guider.",
  // betting bonus
  "Pariez sur vos équipes préférées et doublez votre premier dépôt : jusqu'à 100 € offerts en paris gratuits pour toute nouvelle inscription avec le code BONUS100. Retrouvez les meilleures cotes du marché, le pari en direct et le retrait de vos gains en 24 heures. Jouer comporte des risques : endettement, isolement, dépendance. Appelez le 09 74 75 13 13.",
  // smartphone deal
  "Vente flash : le dernier smartphone haut de gamme est à 599 € au lieu de 899 €, avec une paire d'écouteurs sans fil offerte pour toute commande passée avant vendredi. Paiement en quatre fois sans frais et livraison express gratuite. Ne laissez pas passer cette offre exceptionnelle, les stocks partent très vite : commandez le vôtre dès maintenant.",
  // casino
  "Tentez votre chance sur notre casino en ligne : 200 tours gratuits et un bonus de bienvenue de 500 € vous attendent dès votre inscription. Jeux de table, machines à sous et croupiers en direct, accessibles depuis votre mobile jour et nuit. Inscrivez-vous en trente secondes et commencez à jouer tout de suite. Réservé aux personnes majeures.",
  // mutual health insurance
  "Offre partenaire : votre mutuelle santé à partir de 14,90 € par mois, avec une prise en charge renforcée de l'optique et du dentaire. Obtenez votre devis personnalisé en ligne en deux minutes et profitez d'un mois de cotisation offert si vous souscrivez avant la fin du mois. Nos conseillers vous rappellent gratuitement, du lundi au samedi.",
  // language-learning subscription
  "Apprenez l'anglais en quinze minutes par jour avec notre méthode primée. Des leçons courtes, un coach vocal et des exercices adaptés à votre niveau vous feront progresser plus vite que vous ne le pensez. Essayez gratuitement pendant sept jours, puis profitez de 50 % de réduction sur l'abonnement annuel avec le code PARLER50. Offre valable cette semaine seulement.",
];
