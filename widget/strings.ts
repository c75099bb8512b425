import type { WidgetStringKey } from '../shared/widget-strings.js';
import type { WidgetConfig } from '../shared/widget-wire-types.js';

/**
 * Every sentence the widget shows a visitor that the site owner did not write in its configuration, in each
 * built-in language; a configuration's `strings` override them one by one. `{label}` and `{max}` are
 * filled in where they appear. They come with the panel (widget-panel.js), after the launcher shows.
 */
export type Strings = Record<WidgetStringKey, string>;

export const EN: Strings = {
  close: 'Close',
  sending: 'Sending…',
  queued: "You're offline. Your message is saved and will be sent when you're back online.",
  errorUnavailable: "We couldn't reach our server just now. Your message is saved and we'll keep trying to send it.",
  errorRateLimited: "We're receiving a lot of messages right now. Yours is saved and will be sent in a moment.",
  fieldRequired: '{label} is required.',
  fieldTooLong: '{label} must be at most {max} characters.',
  invalidEmail: 'Enter an email address like name@example.com.',
  invalidPhone: 'Enter a phone number (digits, spaces, + ( ) -).',
  invalidField: 'Please check {label}.',
  selectPlaceholder: 'Choose…',
  consentRequired: 'Please agree to continue.',
  privacyPolicy: 'Privacy policy',
  errorInvalid: 'Sorry, your message could not be sent. Please check the form and try again.',
  errorNotAuthorized: 'Sorry, this form cannot be sent from this page.',
  sendAnother: 'Send another message',
};

const DE: Strings = {
  close: 'Schließen',
  sending: 'Wird gesendet…',
  queued: 'Sie sind offline. Ihre Nachricht ist gespeichert und wird gesendet, sobald Sie wieder online sind.',
  errorUnavailable:
    'Unser Server ist gerade nicht erreichbar. Ihre Nachricht ist gespeichert, wir versuchen es weiter.',
  errorRateLimited: 'Gerade kommen sehr viele Nachrichten an. Ihre ist gespeichert und wird gleich gesendet.',
  fieldRequired: '{label} ist ein Pflichtfeld.',
  fieldTooLong: '{label} darf höchstens {max} Zeichen lang sein.',
  invalidEmail: 'Geben Sie eine E-Mail-Adresse wie name@example.com ein.',
  invalidPhone: 'Geben Sie eine Telefonnummer ein (Ziffern, Leerzeichen, + ( ) -).',
  invalidField: 'Bitte prüfen Sie {label}.',
  selectPlaceholder: 'Bitte wählen…',
  consentRequired: 'Bitte stimmen Sie zu, um fortzufahren.',
  privacyPolicy: 'Datenschutzerklärung',
  errorInvalid:
    'Ihre Nachricht konnte leider nicht gesendet werden. Bitte prüfen Sie das Formular und versuchen Sie es erneut.',
  errorNotAuthorized: 'Dieses Formular kann von dieser Seite aus leider nicht gesendet werden.',
  sendAnother: 'Weitere Nachricht senden',
};

const FR: Strings = {
  close: 'Fermer',
  sending: 'Envoi…',
  queued: 'Vous êtes hors ligne. Votre message est enregistré et sera envoyé dès votre retour en ligne.',
  errorUnavailable: "Notre serveur est injoignable pour l'instant. Votre message est enregistré et nous réessayons.",
  errorRateLimited:
    'Nous recevons beaucoup de messages en ce moment. Le vôtre est enregistré et partira dans un instant.',
  fieldRequired: '{label} est obligatoire.',
  fieldTooLong: '{label} ne doit pas dépasser {max} caractères.',
  invalidEmail: 'Saisissez une adresse e-mail comme nom@example.com.',
  invalidPhone: 'Saisissez un numéro de téléphone (chiffres, espaces, + ( ) -).',
  invalidField: 'Veuillez vérifier {label}.',
  selectPlaceholder: 'Choisir…',
  consentRequired: 'Veuillez donner votre accord pour continuer.',
  privacyPolicy: 'Politique de confidentialité',
  errorInvalid: "Désolé, votre message n'a pas pu être envoyé. Vérifiez le formulaire et réessayez.",
  errorNotAuthorized: 'Désolé, ce formulaire ne peut pas être envoyé depuis cette page.',
  sendAnother: 'Envoyer un autre message',
};

const ES: Strings = {
  close: 'Cerrar',
  sending: 'Enviando…',
  queued: 'No tienes conexión. Tu mensaje está guardado y se enviará cuando vuelvas a estar en línea.',
  errorUnavailable:
    'No hemos podido conectar con nuestro servidor. Tu mensaje está guardado y lo seguiremos intentando.',
  errorRateLimited: 'Estamos recibiendo muchos mensajes ahora mismo. El tuyo está guardado y se enviará en un momento.',
  fieldRequired: '{label} es obligatorio.',
  fieldTooLong: '{label} admite como máximo {max} caracteres.',
  invalidEmail: 'Escribe una dirección de correo como nombre@example.com.',
  invalidPhone: 'Escribe un número de teléfono (dígitos, espacios, + ( ) -).',
  invalidField: 'Revisa {label}.',
  selectPlaceholder: 'Elige…',
  consentRequired: 'Acepta para continuar.',
  privacyPolicy: 'Política de privacidad',
  errorInvalid: 'Lo sentimos, no se pudo enviar tu mensaje. Revisa el formulario e inténtalo de nuevo.',
  errorNotAuthorized: 'Lo sentimos, este formulario no se puede enviar desde esta página.',
  sendAnother: 'Enviar otro mensaje',
};

const NL: Strings = {
  close: 'Sluiten',
  sending: 'Versturen…',
  queued: 'Je bent offline. Je bericht is bewaard en wordt verstuurd zodra je weer online bent.',
  errorUnavailable: 'We konden onze server nu niet bereiken. Je bericht is bewaard en we blijven het proberen.',
  errorRateLimited: 'We ontvangen nu veel berichten. Het jouwe is bewaard en wordt zo verstuurd.',
  fieldRequired: '{label} is verplicht.',
  fieldTooLong: '{label} mag hoogstens {max} tekens lang zijn.',
  invalidEmail: 'Vul een e-mailadres in zoals naam@example.com.',
  invalidPhone: 'Vul een telefoonnummer in (cijfers, spaties, + ( ) -).',
  invalidField: 'Controleer {label}.',
  selectPlaceholder: 'Kies…',
  consentRequired: 'Geef je toestemming om verder te gaan.',
  privacyPolicy: 'Privacybeleid',
  errorInvalid: 'Je bericht kon helaas niet worden verstuurd. Controleer het formulier en probeer het opnieuw.',
  errorNotAuthorized: 'Dit formulier kan helaas niet vanaf deze pagina worden verstuurd.',
  sendAnother: 'Nog een bericht sturen',
};

const PT: Strings = {
  close: 'Fechar',
  sending: 'Enviando…',
  queued: 'Você está offline. Sua mensagem foi guardada e será enviada quando voltar a ficar online.',
  errorUnavailable:
    'Não conseguimos falar com nosso servidor agora. Sua mensagem foi guardada e continuaremos tentando.',
  errorRateLimited: 'Estamos recebendo muitas mensagens agora. A sua foi guardada e será enviada em instantes.',
  fieldRequired: '{label} é obrigatório.',
  fieldTooLong: '{label} deve ter no máximo {max} caracteres.',
  invalidEmail: 'Digite um endereço de e-mail como nome@example.com.',
  invalidPhone: 'Digite um número de telefone (dígitos, espaços, + ( ) -).',
  invalidField: 'Verifique {label}.',
  selectPlaceholder: 'Escolha…',
  consentRequired: 'Aceite para continuar.',
  privacyPolicy: 'Política de privacidade',
  errorInvalid: 'Desculpe, sua mensagem não pôde ser enviada. Verifique o formulário e tente novamente.',
  errorNotAuthorized: 'Desculpe, este formulário não pode ser enviado desta página.',
  sendAnother: 'Enviar outra mensagem',
};

export const LOCALES: Readonly<Record<string, Strings>> = { en: EN, de: DE, fr: FR, es: ES, nl: NL, pt: PT };

/** The base language of a BCP 47 tag (`pt-BR` → `pt`), lower case. */
export function baseLanguage(tag: string): string {
  return tag.split('-')[0]!.toLowerCase();
}

/** The built-in language a tag falls back to: its base language when built in, else English. */
export function localeOf(tag: string | undefined): string {
  const base = baseLanguage(tag ?? 'en');
  return base in LOCALES ? base : 'en';
}

/** The sentences for a configuration: its locale's (or `locale`, when the page chose one), with its overrides. */
export function stringsFor(config: Pick<WidgetConfig, 'locale' | 'strings'>, locale?: string): Strings {
  const base = LOCALES[localeOf(locale ?? config.locale)]!;
  const overrides = Object.entries(config.strings ?? {}).filter(([key, value]) => key in base && value);
  return overrides.length ? { ...base, ...Object.fromEntries(overrides) } : base;
}

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}
