//! The password strength estimator's advice (zxcvbn's warnings and suggestions, English
//! enums) worded from the catalogue, so that a refused password is explained in French too.

use crate::domain::accounts::PasswordAdvice;
use crate::i18n::{Lang, translate};
use zxcvbn::feedback::{Suggestion, Warning};

/// The catalogue message of one piece of advice. The matches are exhaustive: a variant
/// added by a new zxcvbn fails the build until it is worded here.
pub fn advice_id(advice: PasswordAdvice) -> &'static str {
    match advice {
        PasswordAdvice::Warning(w) => match w {
            Warning::StraightRowsOfKeysAreEasyToGuess => "password-warn-straight-rows",
            Warning::ShortKeyboardPatternsAreEasyToGuess => "password-warn-keyboard-pattern",
            Warning::RepeatsLikeAaaAreEasyToGuess => "password-warn-repeats-aaa",
            Warning::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess => {
                "password-warn-repeats-abcabc"
            }
            Warning::ThisIsATop10Password => "password-warn-top10",
            Warning::ThisIsATop100Password => "password-warn-top100",
            Warning::ThisIsACommonPassword => "password-warn-common",
            Warning::ThisIsSimilarToACommonlyUsedPassword => "password-warn-similar-common",
            Warning::SequencesLikeAbcAreEasyToGuess => "password-warn-sequences",
            Warning::RecentYearsAreEasyToGuess => "password-warn-recent-years",
            Warning::AWordByItselfIsEasyToGuess => "password-warn-single-word",
            Warning::DatesAreOftenEasyToGuess => "password-warn-dates",
            Warning::NamesAndSurnamesByThemselvesAreEasyToGuess => "password-warn-names",
            Warning::CommonNamesAndSurnamesAreEasyToGuess => "password-warn-common-names",
        },
        PasswordAdvice::Suggestion(s) => match s {
            Suggestion::UseAFewWordsAvoidCommonPhrases => "password-tip-few-words",
            Suggestion::NoNeedForSymbolsDigitsOrUppercaseLetters => "password-tip-no-symbols",
            Suggestion::AddAnotherWordOrTwo => "password-tip-another-word",
            Suggestion::CapitalizationDoesntHelpVeryMuch => "password-tip-capitals",
            Suggestion::AllUppercaseIsAlmostAsEasyToGuessAsAllLowercase => {
                "password-tip-all-uppercase"
            }
            Suggestion::ReversedWordsArentMuchHarderToGuess => "password-tip-reversed",
            Suggestion::PredictableSubstitutionsDontHelpVeryMuch => "password-tip-substitutions",
            Suggestion::UseALongerKeyboardPatternWithMoreTurns => "password-tip-keyboard-turns",
            Suggestion::AvoidRepeatedWordsAndCharacters => "password-tip-repeats",
            Suggestion::AvoidSequences => "password-tip-sequences",
            Suggestion::AvoidRecentYears => "password-tip-recent-years",
            Suggestion::AvoidYearsThatAreAssociatedWithYou => "password-tip-your-years",
            Suggestion::AvoidDatesAndYearsThatAreAssociatedWithYou => "password-tip-your-dates",
        },
    }
}

/// The advice as one clause list in `lang` ("this is a very common password; add another
/// word or two"); the general advice when the estimator gave none.
pub fn advice_text(advice: &[PasswordAdvice], lang: Lang) -> String {
    if advice.is_empty() {
        return translate(lang, "password-tip-general", &[]);
    }
    advice
        .iter()
        .map(|a| translate(lang, advice_id(*a), &[]))
        .collect::<Vec<_>>()
        .join(&translate(lang, "password-advice-separator", &[]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::accounts::{WeakPassword, check_new_password};

    #[test]
    fn every_piece_of_advice_is_worded_in_both_languages() {
        let advice = [
            PasswordAdvice::Warning(Warning::StraightRowsOfKeysAreEasyToGuess),
            PasswordAdvice::Warning(Warning::ShortKeyboardPatternsAreEasyToGuess),
            PasswordAdvice::Warning(Warning::RepeatsLikeAaaAreEasyToGuess),
            PasswordAdvice::Warning(Warning::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess),
            PasswordAdvice::Warning(Warning::ThisIsATop10Password),
            PasswordAdvice::Warning(Warning::ThisIsATop100Password),
            PasswordAdvice::Warning(Warning::ThisIsACommonPassword),
            PasswordAdvice::Warning(Warning::ThisIsSimilarToACommonlyUsedPassword),
            PasswordAdvice::Warning(Warning::SequencesLikeAbcAreEasyToGuess),
            PasswordAdvice::Warning(Warning::RecentYearsAreEasyToGuess),
            PasswordAdvice::Warning(Warning::AWordByItselfIsEasyToGuess),
            PasswordAdvice::Warning(Warning::DatesAreOftenEasyToGuess),
            PasswordAdvice::Warning(Warning::NamesAndSurnamesByThemselvesAreEasyToGuess),
            PasswordAdvice::Warning(Warning::CommonNamesAndSurnamesAreEasyToGuess),
            PasswordAdvice::Suggestion(Suggestion::UseAFewWordsAvoidCommonPhrases),
            PasswordAdvice::Suggestion(Suggestion::NoNeedForSymbolsDigitsOrUppercaseLetters),
            PasswordAdvice::Suggestion(Suggestion::AddAnotherWordOrTwo),
            PasswordAdvice::Suggestion(Suggestion::CapitalizationDoesntHelpVeryMuch),
            PasswordAdvice::Suggestion(Suggestion::AllUppercaseIsAlmostAsEasyToGuessAsAllLowercase),
            PasswordAdvice::Suggestion(Suggestion::ReversedWordsArentMuchHarderToGuess),
            PasswordAdvice::Suggestion(Suggestion::PredictableSubstitutionsDontHelpVeryMuch),
            PasswordAdvice::Suggestion(Suggestion::UseALongerKeyboardPatternWithMoreTurns),
            PasswordAdvice::Suggestion(Suggestion::AvoidRepeatedWordsAndCharacters),
            PasswordAdvice::Suggestion(Suggestion::AvoidSequences),
            PasswordAdvice::Suggestion(Suggestion::AvoidRecentYears),
            PasswordAdvice::Suggestion(Suggestion::AvoidYearsThatAreAssociatedWithYou),
            PasswordAdvice::Suggestion(Suggestion::AvoidDatesAndYearsThatAreAssociatedWithYou),
        ];
        let mut ids: Vec<_> = advice.iter().map(|a| advice_id(*a)).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(
            ids.len(),
            advice.len(),
            "two pieces of advice share a message"
        );
        for a in advice {
            let (en, fr) = (advice_text(&[a], Lang::En), advice_text(&[a], Lang::Fr));
            // A missing message renders as its id.
            assert!(
                !en.starts_with("password-") && !fr.starts_with("password-"),
                "{a:?}"
            );
            assert_ne!(en, fr, "{a:?} is not translated");
        }
    }

    #[test]
    fn a_common_password_is_explained_in_french() {
        let Err(WeakPassword::Guessable { advice }) =
            check_new_password("passwordpassword", "a@b.c")
        else {
            panic!("a common password was accepted");
        };
        assert!(!advice.is_empty());
        let fr = advice_text(&advice, Lang::Fr);
        assert!(!fr.contains("password"), "{fr}");
    }
}
