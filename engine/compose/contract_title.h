// How a sentence names the contract by its title, per language: whether the
// title already names the agreement ("Rahmenvertrag über …", "Umowa o …"),
// and, where the language must decline or give it an article, the title as
// the object of "we terminate" and as the subject of a sentence. Pure
// functions, thread-safe.
#pragma once

#include <string>

#include "parting/request.h"

namespace parting::compose {

/// Whether the title itself names the agreement as one ("Rahmenvertrag über
/// …", "Umowa o …", "Contrato de …", "Master Services Agreement", "สัญญา…"),
/// so that a sentence need not call it a contract a second time. Portuguese
/// counts only the masculine document nouns, so "do" always agrees.
bool TitleNamesContract(Language language, const std::string& title);

/// The title as the direct object of "we terminate", plain text: German with
/// the article of its head noun ("den Rahmenvertrag über …", "die
/// Wartungsvereinbarung", "das Kooperationsabkommen"), Polish in the
/// accusative ("Umowę o świadczenie usług"). "" when the title does not start
/// with a contract noun whose form is known (the template then quotes it
/// after its own word for contract) and in the other languages.
std::string TitleAsObject(Language language, const std::string& title);

/// The title in the genitive, where a subject line declines it: "des
/// Rahmenvertrags über …", "der Wartungsvereinbarung" (de, with the
/// article: "Kündigung des Rahmenvertrags …"), "Umowy ramowej o współpracy"
/// (pl: "Wypowiedzenie Umowy …"); "" otherwise.
std::string TitleGenitive(Language language, const std::string& title);

/// The title opening a sentence as its subject: "Der Rahmenvertrag über …",
/// "Umowa o …"; "" exactly when TitleAsObject is "".
std::string TitleAsSubject(Language language, const std::string& title);

}  // namespace parting::compose
