/** The package ships no types; these are the two functions this project uses. */
declare module "arabic-persian-reshaper" {
  interface Shaper {
    /** Logical Arabic letters to presentation forms (shaped glyphs), for terminals without shaping. */
    convertArabic(text: string): string;
    /** Presentation forms back to logical letters. */
    convertArabicBack(text: string): string;
  }
  const reshaper: { ArabicShaper: Shaper; PersianShaper: Shaper };
  export default reshaper;
}
