<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv">
<context>
    <name>AgeCalculatorDialog</name>
    <message>
        <source>Age and access to Journalen</source>
        <translation>Ålder och åtkomst till Journalen</translation>
    </message>
    <message>
        <source>Type a personnummer, a samordningsnummer or a birth date to see the person&apos;s age and who can read their record in Journalen.</source>
        <translation>Skriv ett personnummer, ett samordningsnummer eller ett födelsedatum för att se personens ålder och vem som kan läsa journalen i Journalen.</translation>
    </message>
    <message>
        <source>Personnummer, samordningsnummer or birth date</source>
        <translation>Personnummer, samordningsnummer eller födelsedatum</translation>
    </message>
    <message>
        <source>YYYYMMDD-NNNN or YYYY-MM-DD</source>
        <translation>ÅÅÅÅMMDD-NNNN eller ÅÅÅÅ-MM-DD</translation>
    </message>
    <message>
        <source>Date to calculate the age for</source>
        <translation>Datum som åldern räknas för</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;I dag</translation>
    </message>
    <message>
        <source>Calculate for today</source>
        <translation>Räkna för i dag</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>&amp;Personnummer, samordningsnummer or birth date:</source>
        <translation>&amp;Personnummer, samordningsnummer eller födelsedatum:</translation>
    </message>
    <message>
        <source>&amp;On date:</source>
        <translation>Per &amp;datum:</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>The result appears here as you type.</source>
        <translation>Resultatet visas här medan du skriver.</translation>
    </message>
    <message>
        <source>{youngest}–{age} years old on {date}</source>
        <translation>{youngest}–{age} år den {date}</translation>
    </message>
    <message>
        <source>{age} years old on {date}</source>
        <translation>{age} år den {date}</translation>
    </message>
    <message>
        <source>Guardians can read the child&apos;s record in Journalen. The child has no access of their own yet.</source>
        <translation>Vårdnadshavarna kan läsa barnets journal i Journalen. Barnet har ännu ingen egen åtkomst.</translation>
    </message>
    <message>
        <source>Neither the guardians nor the child can read the record in Journalen, unless the head of operations (verksamhetschef) has decided an exception.</source>
        <translation>Varken vårdnadshavarna eller barnet kan läsa journalen i Journalen, om inte verksamhetschefen har beslutat om ett undantag.</translation>
    </message>
    <message>
        <source>The person reads their own record in Journalen. Guardians no longer have access.</source>
        <translation>Personen läser sin egen journal i Journalen. Vårdnadshavarna har inte längre åtkomst.</translation>
    </message>
    <message>
        <source>The person reads their own record in Journalen.</source>
        <translation>Personen läser sin egen journal i Journalen.</translation>
    </message>
    <message>
        <source>This is not certain, because the exact birth date is not known.</source>
        <translation>Det är inte säkert, eftersom det exakta födelsedatumet inte är känt.</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>i morgon</translation>
    </message>
    <message>
        <source>in {days} days</source>
        <translation>om {days} dagar</translation>
    </message>
    <message>
        <source>Turns {age} on {date}, {when}: then the guardians&apos; access ends.</source>
        <translation>Fyller {age} år den {date}, {when}: då upphör vårdnadshavarnas åtkomst.</translation>
    </message>
    <message>
        <source>Turns {age} on {date}, {when}: then the person gets access of their own.</source>
        <translation>Fyller {age} år den {date}, {when}: då får personen egen åtkomst.</translation>
    </message>
    <message>
        <source>The samordningsnummer does not give the exact birth date: it lies between {first} and {last}, and the age is counted from {first}.</source>
        <translation>Samordningsnumret anger inte exakt födelsedatum: det ligger mellan {first} och {last}, och åldern räknas från {first}.</translation>
    </message>
    <message>
        <source>Born {date}.</source>
        <translation>Född {date}.</translation>
    </message>
    <message>
        <source>Born on 29 February: in years that are not leap years the birthday is counted as 1 March.</source>
        <translation>Född den 29 februari: år som inte är skottår räknas födelsedagen som den 1 mars.</translation>
    </message>
    <message>
        <source>People with a samordningsnummer cannot log in to 1177.</source>
        <translation>Personer med samordningsnummer kan inte logga in på 1177.</translation>
    </message>
</context>
<context>
    <name>ArticleEditorDialog</name>
    <message>
        <source>New article</source>
        <translation>Ny artikel</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Loading the article…</source>
        <translation>Läser in artikeln…</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Rubrik</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Källor</translation>
    </message>
    <message>
        <source>Where the facts come from: law, regulation, the region&apos;s own pages…</source>
        <translation>Var uppgifterna kommer ifrån: lag, föreskrift, regionens egna sidor…</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Ägare</translation>
    </message>
    <message>
        <source>Who keeps the article true</source>
        <translation>Vem som håller artikeln aktuell</translation>
    </message>
    <message>
        <source>Review interval in days</source>
        <translation>Granskningsintervall i dagar</translation>
    </message>
    <message>
        <source> days</source>
        <translation> dagar</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Ämnen</translation>
    </message>
    <message>
        <source>Space ticks or unticks the topic under the cursor.</source>
        <translation>Mellanslag kryssar i eller ur ämnet under markören.</translation>
    </message>
    <message>
        <source>Article text in Markdown</source>
        <translation>Artikelns text i Markdown</translation>
    </message>
    <message>
        <source>## Heading

Text, **bold**, *italic*, lists with “- ”…</source>
        <translation>## Rubrik

Text, **fet**, *kursiv*, listor med ”- ”…</translation>
    </message>
    <message>
        <source>Preview of the article</source>
        <translation>Förhandsvisning av artikeln</translation>
    </message>
    <message>
        <source>Comment on this change</source>
        <translation>Kommentar till ändringen</translation>
    </message>
    <message>
        <source>What was changed and why (shown in the history)</source>
        <translation>Vad som ändrades och varför (visas i historiken)</translation>
    </message>
    <message>
        <source>&amp;Mark as reviewed today</source>
        <translation>Markera som &amp;granskad i dag</translation>
    </message>
    <message>
        <source>Mark as reviewed today</source>
        <translation>Markera som granskad i dag</translation>
    </message>
    <message>
        <source>You have checked the whole article against its sources today.</source>
        <translation>Du har i dag kontrollerat hela artikeln mot dess källor.</translation>
    </message>
    <message>
        <source>&amp;Save (Ctrl+S)</source>
        <translation>&amp;Spara (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save the article</source>
        <translation>Spara artikeln</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Avbryt (Esc)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Rubrik:</translation>
    </message>
    <message>
        <source>S&amp;ources:</source>
        <translation>&amp;Källor:</translation>
    </message>
    <message>
        <source>O&amp;wner:</source>
        <translation>Ägar&amp;e:</translation>
    </message>
    <message>
        <source>Review &amp;every:</source>
        <translation>Gra&amp;nskningsintervall:</translation>
    </message>
    <message>
        <source>To&amp;pics:</source>
        <translation>Ä&amp;mnen:</translation>
    </message>
    <message>
        <source>Te&amp;xt (Markdown):</source>
        <translation>Te&amp;xt (Markdown):</translation>
    </message>
    <message>
        <source>Pre&amp;view:</source>
        <translation>&amp;Förhandsvisning:</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>K&amp;ommentar:</translation>
    </message>
    <message>
        <source>Your version</source>
        <translation>Din version</translation>
    </message>
    <message>
        <source>Their version</source>
        <translation>Deras version</translation>
    </message>
    <message>
        <source>Your version:</source>
        <translation>Din version:</translation>
    </message>
    <message>
        <source>Their version:</source>
        <translation>Deras version:</translation>
    </message>
    <message>
        <source>E&amp;dit their version</source>
        <translation>Re&amp;digera deras version</translation>
    </message>
    <message>
        <source>Load their version into the editor; yours stays here to copy from</source>
        <translation>Läs in deras version i redigeraren; din finns kvar här att kopiera från</translation>
    </message>
    <message>
        <source>&amp;Keep my text</source>
        <translation>&amp;Behåll min text</translation>
    </message>
    <message>
        <source>Keep my text in the editor, to save it over theirs</source>
        <translation>Behåll min text i redigeraren, för att spara den över deras</translation>
    </message>
    <message>
        <source>D&amp;iscard my changes</source>
        <translation>Släng m&amp;ina ändringar</translation>
    </message>
    <message>
        <source>Discard my changes</source>
        <translation>Släng mina ändringar</translation>
    </message>
    <message>
        <source>&amp;Hide the comparison</source>
        <translation>Dö&amp;lj jämförelsen</translation>
    </message>
    <message>
        <source>Hide the comparison</source>
        <translation>Dölj jämförelsen</translation>
    </message>
    <message>
        <source>A new article. Name its sources and choose the topics it answers.</source>
        <translation>En ny artikel. Ange dess källor och välj de ämnen den besvarar.</translation>
    </message>
    <message>
        <source>The article could not be opened.</source>
        <translation>Artikeln kunde inte öppnas.</translation>
    </message>
    <message>
        <source>Edit article – {title}</source>
        <translation>Redigera artikel – {title}</translation>
    </message>
    <message>
        <source>last reviewed {date}</source>
        <translation>senast granskad {date}</translation>
    </message>
    <message>
        <source>never reviewed</source>
        <translation>aldrig granskad</translation>
    </message>
    <message>
        <source>Editing version {revision}, saved by {who} on {time}.</source>
        <translation>Du redigerar version {revision}, sparad av {who} {time}.</translation>
    </message>
    <message>
        <source>the shipped version</source>
        <translation>den levererade versionen</translation>
    </message>
    <message>
        <source>{name} (retired)</source>
        <translation>{name} (utgått)</translation>
    </message>
    <message>
        <source>Sources:</source>
        <translation>Källor:</translation>
    </message>
    <message>
        <source>Nothing has changed, so there is nothing to save.</source>
        <translation>Inget har ändrats, så det finns inget att spara.</translation>
    </message>
    <message>
        <source>Their version {revision} was saved by {who} on {time}.</source>
        <translation>Deras version {revision} sparades av {who} {time}.</translation>
    </message>
    <message>
        <source>Lines that differ are marked in yellow.</source>
        <translation>Rader som skiljer sig åt är gulmarkerade.</translation>
    </message>
    <message>
        <source>Their version ({who}):</source>
        <translation>Deras version ({who}):</translation>
    </message>
    <message>
        <source>Topics:</source>
        <translation>Ämnen:</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>Ägare:</translation>
    </message>
    <message>
        <source>Review every {days} days</source>
        <translation>Granskningsintervall: {days} dagar</translation>
    </message>
    <message>
        <source>Their version is now in the editor. Your text is on the left: copy what you need from it, then save.</source>
        <translation>Deras version finns nu i redigeraren. Din text står till vänster: kopiera det du behöver från den och spara sedan.</translation>
    </message>
    <message>
        <source>Your text stays in the editor. Saving it replaces their version, which stays in the history.</source>
        <translation>Din text finns kvar i redigeraren. När du sparar ersätter den deras version, som finns kvar i historiken.</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Släng ändringar</translation>
    </message>
    <message>
        <source>Throw away your changes to this article? They are not saved.</source>
        <translation>Vill du slänga dina ändringar i artikeln? De är inte sparade.</translation>
    </message>
</context>
<context>
    <name>ArticleHistoryDialog</name>
    <message>
        <source>Article history</source>
        <translation>Artikelns historik</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Läser in…</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Sparad</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Av</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Versions of the article</source>
        <translation>Artikelns versioner</translation>
    </message>
    <message>
        <source>Compare from version</source>
        <translation>Jämför från version</translation>
    </message>
    <message>
        <source>Compare with version</source>
        <translation>Jämför med version</translation>
    </message>
    <message>
        <source>Differences between the two versions</source>
        <translation>Skillnader mellan de två versionerna</translation>
    </message>
    <message>
        <source>&amp;Restore this version…</source>
        <translation>Åte&amp;rställ den här versionen…</translation>
    </message>
    <message>
        <source>Restore the chosen version</source>
        <translation>Återställ den valda versionen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Compare &amp;version</source>
        <translation>Jämför &amp;version</translation>
    </message>
    <message>
        <source>&amp;with version</source>
        <translation>&amp;med version</translation>
    </message>
    <message>
        <source>added</source>
        <translation>tillagt</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>borttaget</translation>
    </message>
    <message>
        <source>Shipped version</source>
        <translation>Levererad version</translation>
    </message>
    <message>
        <source>Loading the versions…</source>
        <translation>Läser in versionerna…</translation>
    </message>
    <message>
        <source>One version.</source>
        <translation>En version.</translation>
    </message>
    <message>
        <source>{count} versions.</source>
        <translation>{count} versioner.</translation>
    </message>
    <message>
        <source>History – {title}</source>
        <translation>Historik – {title}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{title}&lt;/b&gt;&lt;br&gt;Current version: {revision}.</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt;&lt;br&gt;Aktuell version: {revision}.</translation>
    </message>
    <message>
        <source>Version {number} compared with itself.</source>
        <translation>Version {number} jämförd med sig själv.</translation>
    </message>
    <message>
        <source>From version {old} to version {new}.</source>
        <translation>Från version {old} till version {new}.</translation>
    </message>
    <message>
        <source>The two versions are the same.</source>
        <translation>De två versionerna är likadana.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Rubrik</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Källor</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>… {count} unchanged lines …</source>
        <translation>… {count} oförändrade rader …</translation>
    </message>
    <message>
        <source>Restore a version</source>
        <translation>Återställ en version</translation>
    </message>
    <message>
        <source>Make version {number} the current text again? It is saved as a new version; nothing in the history is lost.</source>
        <translation>Vill du göra version {number} till aktuell text igen? Den sparas som en ny version; inget i historiken går förlorat.</translation>
    </message>
    <message>
        <source>Version {number} was restored as version {new}.</source>
        <translation>Version {number} återställdes som version {new}.</translation>
    </message>
    <message>
        <source>Someone else saved the article just now, so nothing was restored. The list shows their version; choose again.</source>
        <translation>Någon annan sparade artikeln nyss, så inget återställdes. Listan visar deras version; välj igen.</translation>
    </message>
</context>
<context>
    <name>CallForm</name>
    <message>
        <source>Caller</source>
        <translation>Uppringare</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Välj…</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Ämnen</translation>
    </message>
    <message>
        <source>Space ticks or unticks the topic under the cursor.</source>
        <translation>Mellanslag kryssar i eller ur ämnet under markören.</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Anteckningar</translation>
    </message>
    <message>
        <source>What the call was about, in a few words.</source>
        <translation>Vad samtalet gällde, med några ord.</translation>
    </message>
    <message>
        <source>No medical details: write what was asked and answered, not about health.</source>
        <translation>Inga medicinska uppgifter: skriv vad som frågades och svarades, inget om hälsa.</translation>
    </message>
    <message>
        <source>Identity number (optional)</source>
        <translation>Personnummer (valfritt)</translation>
    </message>
    <message>
        <source>YYYYMMDD-NNNN, only if needed</source>
        <translation>ÅÅÅÅMMDD-NNNN, bara om det behövs</translation>
    </message>
    <message>
        <source>Call &amp;back</source>
        <translation>Ring tillbak&amp;a</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>Ring tillbaka</translation>
    </message>
    <message>
        <source>Phone number to call back</source>
        <translation>Telefonnummer att ringa tillbaka till</translation>
    </message>
    <message>
        <source>Call back at the latest</source>
        <translation>Ring tillbaka senast</translation>
    </message>
    <message>
        <source>Linked form (registry number)</source>
        <translation>Kopplad blankett (diarienummer)</translation>
    </message>
    <message>
        <source>KD-2026-00042 (optional)</source>
        <translation>KD-2026-00042 (valfritt)</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Längd</translation>
    </message>
    <message>
        <source>Follows the timer; correct it if needed.</source>
        <translation>Följer tidtagningen; rätta vid behov.</translation>
    </message>
    <message>
        <source>Changes to this call</source>
        <translation>Ändringar av samtalet</translation>
    </message>
    <message>
        <source>&amp;Save (Ctrl+S)</source>
        <translation>&amp;Spara (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save the call</source>
        <translation>Spara samtalet</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Avbryt (Esc)</translation>
    </message>
    <message>
        <source>Cancel the call</source>
        <translation>Avbryt samtalet</translation>
    </message>
    <message>
        <source>&amp;Caller:</source>
        <translation>&amp;Uppringare:</translation>
    </message>
    <message>
        <source>&amp;Topics:</source>
        <translation>Ä&amp;mnen:</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>U&amp;tfall:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>A&amp;nteckningar:</translation>
    </message>
    <message>
        <source>&amp;Identity no.:</source>
        <translation>&amp;Personnummer:</translation>
    </message>
    <message>
        <source>Callback:</source>
        <translation>Återringning:</translation>
    </message>
    <message>
        <source>&amp;Form:</source>
        <translation>&amp;Kopplad blankett:</translation>
    </message>
    <message>
        <source>D&amp;uration:</source>
        <translation>Län&amp;gd:</translation>
    </message>
    <message>
        <source>{name} (retired)</source>
        <translation>{name} (utgått)</translation>
    </message>
    <message>
        <source>&lt;b&gt;New call&lt;/b&gt; from {time}</source>
        <translation>&lt;b&gt;Nytt samtal&lt;/b&gt; från {time}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Unsaved call&lt;/b&gt; from {time} (restored)</source>
        <translation>&lt;b&gt;Osparat samtal&lt;/b&gt; från {time} (återställt)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Call&lt;/b&gt; {time}, {advisor}</source>
        <translation>&lt;b&gt;Samtal&lt;/b&gt; {time}, {advisor}</translation>
    </message>
    <message>
        <source>{time} {user}: logged the call</source>
        <translation>{time} {user}: loggade samtalet</translation>
    </message>
    <message>
        <source>caller</source>
        <translation>uppringare</translation>
    </message>
    <message>
        <source>topics</source>
        <translation>ämnen</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>utfall</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>anteckningar</translation>
    </message>
    <message>
        <source>identity number</source>
        <translation>personnummer</translation>
    </message>
    <message>
        <source>callback phone</source>
        <translation>telefon för återringning</translation>
    </message>
    <message>
        <source>callback due</source>
        <translation>återringning senast</translation>
    </message>
    <message>
        <source>callback done</source>
        <translation>återringning klar</translation>
    </message>
    <message>
        <source>linked form</source>
        <translation>kopplad blankett</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>längd</translation>
    </message>
    <message>
        <source>start time</source>
        <translation>starttid</translation>
    </message>
    <message>
        <source>{time} {user} changed {field}</source>
        <translation>{time} {user} ändrade {field}</translation>
    </message>
    <message>
        <source>{time} {user} changed {field}: “{old}” → “{new}”</source>
        <translation>{time} {user} ändrade {field}: ”{old}” → ”{new}”</translation>
    </message>
    <message>
        <source>The draft could not be saved ({error}); save the call soon.</source>
        <translation>Utkastet kunde inte sparas ({error}); spara samtalet snart.</translation>
    </message>
    <message>
        <source>Valid; shown masked.</source>
        <translation>Giltigt; visas maskerat.</translation>
    </message>
    <message>
        <source>Ongoing {time}</source>
        <translation>Pågår {time}</translation>
    </message>
    <message>
        <source>Identity number</source>
        <translation>Personnummer</translation>
    </message>
    <message>
        <source>Callback phone</source>
        <translation>Telefon för återringning</translation>
    </message>
    <message>
        <source>Callback due</source>
        <translation>Återringning senast</translation>
    </message>
    <message>
        <source>Linked form</source>
        <translation>Kopplad blankett</translation>
    </message>
    <message>
        <source>{who} saved this call after you opened it, so your changes were not saved. Choose which version to keep.</source>
        <translation>{who} sparade samtalet efter att du öppnade det, så dina ändringar sparades inte. Välj vilken version som ska gälla.</translation>
    </message>
    <message>
        <source>Your version of the call</source>
        <translation>Din version av samtalet</translation>
    </message>
    <message>
        <source>Their version is loaded. Your values were copied to the clipboard.</source>
        <translation>Den andras version är inläst. Dina värden har kopierats till urklipp.</translation>
    </message>
    <message>
        <source>Not saved: someone else changed this call. Saving again shows both versions once more.</source>
        <translation>Inte sparat: någon annan har ändrat samtalet. Spara igen för att jämföra versionerna på nytt.</translation>
    </message>
    <message>
        <source>Throw away this call? What you typed is not saved.</source>
        <translation>Kasta samtalet? Det du har skrivit sparas inte.</translation>
    </message>
</context>
<context>
    <name>CallLogPanel</name>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Längd</translation>
    </message>
    <message>
        <source>Advisor</source>
        <translation>Rådgivare</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Uppringare</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Ämnen</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <source>&amp;New call (Ctrl+N)</source>
        <translation>N&amp;ytt samtal (Ctrl+N)</translation>
    </message>
    <message>
        <source>New call</source>
        <translation>Nytt samtal</translation>
    </message>
    <message>
        <source>Search the notes</source>
        <translation>Sök i anteckningarna</translation>
    </message>
    <message>
        <source>Search the notes…</source>
        <translation>Sök i anteckningarna…</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>Alla datum</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Senaste 7 dagarna</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Senaste 30 dagarna</translation>
    </message>
    <message>
        <source>Last 365 days</source>
        <translation>Senaste 365 dagarna</translation>
    </message>
    <message>
        <source>Chosen dates…</source>
        <translation>Valda datum…</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Från datum</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Till datum</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Ämne</translation>
    </message>
    <message>
        <source>All topics</source>
        <translation>Alla ämnen</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>Alla utfall</translation>
    </message>
    <message>
        <source>All advisors</source>
        <translation>Alla rådgivare</translation>
    </message>
    <message>
        <source>Open &amp;callbacks only</source>
        <translation>Endast &amp;öppna återringningar</translation>
    </message>
    <message>
        <source>Open callbacks only</source>
        <translation>Endast öppna återringningar</translation>
    </message>
    <message>
        <source>Callback due</source>
        <translation>Återringning senast</translation>
    </message>
    <message>
        <source>Identity number</source>
        <translation>Personnummer</translation>
    </message>
    <message>
        <source>Call list</source>
        <translation>Samtalslista</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Senast</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Callback queue</source>
        <translation>Återringningskö</translation>
    </message>
    <message>
        <source>Mark &amp;done (Ctrl+D)</source>
        <translation>&amp;Markera klar (Ctrl+D)</translation>
    </message>
    <message>
        <source>Mark the callback done</source>
        <translation>Markera återringningen som klar</translation>
    </message>
    <message>
        <source>&lt;b&gt;Callbacks&lt;/b&gt;, soonest first</source>
        <translation>&lt;b&gt;Återringningar&lt;/b&gt;, närmast först</translation>
    </message>
    <message>
        <source>{due} (done)</source>
        <translation>{due} (klar)</translation>
    </message>
    <message>
        <source>Loading calls…</source>
        <translation>Läser in samtal…</translation>
    </message>
    <message>
        <source>No calls yet.</source>
        <translation>Inga samtal ännu.</translation>
    </message>
    <message>
        <source>No calls match.</source>
        <translation>Inga samtal matchar.</translation>
    </message>
    <message>
        <source>{count} calls shown; scroll down for more.</source>
        <translation>{count} samtal visas; rulla nedåt för fler.</translation>
    </message>
    <message>
        <source>All {count} calls shown.</source>
        <translation>Alla {count} samtal visas.</translation>
    </message>
    <message>
        <source>No open callbacks.</source>
        <translation>Inga öppna återringningar.</translation>
    </message>
    <message>
        <source>{count} open.</source>
        <translation>{count} öppna.</translation>
    </message>
    <message>
        <source>Unsaved call</source>
        <translation>Osparat samtal</translation>
    </message>
    <message>
        <source>A call from {time} was not saved when Kansli Desk last stopped. Continue logging it?</source>
        <translation>Ett samtal från {time} sparades inte när Kansli Desk stängdes senast. Vill du fortsätta logga det?</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Interrupted; nothing more was written.</source>
        <translation>Avbrutet; inget mer skrevs.</translation>
    </message>
    <message>
        <source>An unexpected error stopped the command ({kind}). The details are in {log}.</source>
        <translation>Ett oväntat fel stoppade kommandot ({kind}). Detaljerna finns i {log}.</translation>
    </message>
    <message>
        <source>Password for {where}: </source>
        <translation>Lösenord för {where}: </translation>
    </message>
    <message>
        <source>The database {where} is up to date (schema {revision}).</source>
        <translation>Databasen {where} är aktuell (schema {revision}).</translation>
    </message>
    <message>
        <source>Created the database {where} (schema {revision}).</source>
        <translation>Skapade databasen {where} (schema {revision}).</translation>
    </message>
    <message>
        <source>Upgraded the database {where} from schema {old} to {revision}.</source>
        <translation>Uppgraderade databasen {where} från schema {old} till {revision}.</translation>
    </message>
    <message>
        <source>Wrote {calls} calls and {forms} forms to {where} in {seconds} s.</source>
        <translation>Skrev {calls} samtal och {forms} blanketter till {where} på {seconds} s.</translation>
    </message>
    <message>
        <source>Added the topic “{name}” (code {code}).</source>
        <translation>Lade till ämnet ”{name}” (kod {code}).</translation>
    </message>
    <message>
        <source>Retired the topic “{name}”; calls that have it keep it.</source>
        <translation>Ämnet ”{name}” har avvecklats; samtal som har det behåller det.</translation>
    </message>
    <message>
        <source> (retired)</source>
        <translation> (utgått)</translation>
    </message>
    <message>
        <source>Registered {count} forms from {file} in {where} (registry numbers {first} to {last}).</source>
        <translation>Registrerade {count} blanketter från {file} i {where} (diarienummer {first} till {last}).</translation>
    </message>
    <message>
        <source>Checked {count} forms in {file}: all can be imported. Nothing was written (dry run).</source>
        <translation>Kontrollerade {count} blanketter i {file}: alla kan importeras. Ingenting skrevs (provkörning).</translation>
    </message>
    <message>
        <source>Row {row}, column {column}: {reason}</source>
        <translation>Rad {row}, kolumn {column}: {reason}</translation>
    </message>
    <message>
        <source>Row {row}: {reason}</source>
        <translation>Rad {row}: {reason}</translation>
    </message>
    <message>
        <source>Exported {rows} rows to {file}.</source>
        <translation>Exporterade {rows} rader till {file}.</translation>
    </message>
    <message>
        <source>The file holds unmasked identity numbers: keep it safe and delete it when done. The export is recorded in the audit log.</source>
        <translation>Filen innehåller omaskerade personnummer: förvara den säkert och radera den när den inte behövs längre. Exporten är registrerad i loggen.</translation>
    </message>
    <message>
        <source>Wrote the report for {date_from} to {date_to} ({pages} pages) to {file}.</source>
        <translation>Skrev rapporten för {date_from} till {date_to} ({pages} sidor) till {file}.</translation>
    </message>
    <message>
        <source>Backed up {source} to {target} ({size} MB; {calls} calls, {forms} forms); the copy passed its integrity check.</source>
        <translation>Säkerhetskopierade {source} till {target} ({size} MB; {calls} samtal, {forms} blanketter); kopian klarade integritetskontrollen.</translation>
    </message>
    <message>
        <source>The backup was written but not recorded in the audit log: {reason}</source>
        <translation>Säkerhetskopian skrevs men registrerades inte i granskningsloggen: {reason}</translation>
    </message>
    <message>
        <source>Retention: the notes, callback numbers and identity numbers of calls {months} months; the personal data of closed forms {years} years after closing.</source>
        <translation>Gallring: samtalens anteckningar, nummer för återringning och identitetsnummer efter {months} månader; avslutade blanketters personuppgifter {years} år efter avslut.</translation>
    </message>
    <message>
        <source>Calls started before {date}: {calls} would lose their notes, callback numbers and identity numbers ({kept} with an open callback keep them until it is done).</source>
        <translation>Samtal som började före {date}: {calls} skulle förlora sina anteckningar, nummer för återringning och identitetsnummer ({kept} med en öppen återringning behåller dem tills den är gjord).</translation>
    </message>
    <message>
        <source>Forms closed, cancelled or rejected before {date}: {forms} would be anonymised ({people} people) and their {attachments} scans deleted.</source>
        <translation>Blanketter som avslutats, makulerats eller avvisats före {date}: {forms} skulle avidentifieras ({people} personer) och deras {attachments} skanningar raderas.</translation>
    </message>
    <message>
        <source>The audit log is kept in full: the program never deletes its entries.</source>
        <translation>Granskningsloggen behålls i sin helhet: programmet raderar aldrig dess poster.</translation>
    </message>
    <message>
        <source>Dry run: nothing was changed.</source>
        <translation>Provkörning: ingenting ändrades.</translation>
    </message>
    <message>
        <source>Nothing is past its retention period.</source>
        <translation>Inget har passerat sin gallringsfrist.</translation>
    </message>
    <message>
        <source>Remove this data for good? It cannot be undone. Type yes to go on: </source>
        <translation>Ta bort uppgifterna för gott? Det går inte att ångra. Skriv ja för att fortsätta: </translation>
    </message>
    <message>
        <source>Nothing was purged.</source>
        <translation>Ingenting gallrades.</translation>
    </message>
    <message>
        <source>Purged {calls} calls and {forms} forms ({attachments} scans deleted); recorded in the audit log.</source>
        <translation>Gallrade {calls} samtal och {forms} blanketter ({attachments} skanningar raderade); registrerat i granskningsloggen.</translation>
    </message>
    <message>
        <source>Saved the retention periods for the whole team.</source>
        <translation>Gallringsfristerna sparades för hela teamet.</translation>
    </message>
    <message>
        <source>Notes, callback numbers and identity numbers of calls: kept {months} months.</source>
        <translation>Samtalens anteckningar, nummer för återringning och identitetsnummer: sparas {months} månader.</translation>
    </message>
    <message>
        <source>Closed, cancelled and rejected forms: personal data kept {years} years after closing.</source>
        <translation>Avslutade, makulerade och avvisade blanketter: personuppgifterna sparas {years} år efter avslut.</translation>
    </message>
    <message>
        <source>Audit log: never purged by the program (the law asks for at least {audit} years).</source>
        <translation>Granskningsloggen: gallras aldrig av programmet (lagen kräver minst {audit} år).</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Användare</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Roll</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Händelse</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Dator</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>Log extract for {number}, oldest first. Events: {events}.</source>
        <translation>Loggutdrag för {number}, äldst först. Händelser: {events}.</translation>
    </message>
    <message>
        <source>The audit log holds no events about {number}.</source>
        <translation>Loggen har inga händelser om {number}.</translation>
    </message>
    <message>
        <source>Wrote the log extract for {number} to {file}. Events: {events}.</source>
        <translation>Skrev loggutdraget för {number} till {file}. Händelser: {events}.</translation>
    </message>
    <message>
        <source>The log extract is recorded in the audit log.</source>
        <translation>Loggutdraget är registrerat i loggen.</translation>
    </message>
    <message>
        <source>Spot check from {date_from} to {date_to}, drawn at random (--seed {seed} draws it again). Accesses: {events}.</source>
        <translation>Stickprov från {date_from} till {date_to}, slumpvis draget (--seed {seed} drar samma igen). Åtkomster: {events}.</translation>
    </message>
    <message>
        <source>No accesses to people&apos;s data were recorded from {date_from} to {date_to}.</source>
        <translation>Inga åtkomster till personuppgifter registrerades från {date_from} till {date_to}.</translation>
    </message>
    <message>
        <source>The spot check is recorded in the audit log.</source>
        <translation>Stickprovet är registrerat i loggen.</translation>
    </message>
    <message>
        <source>The database roles {roles} are set up in {where}; grant them with “db grant”.</source>
        <translation>Databasrollerna {roles} är upprättade i {where}; tilldela dem med ”db grant”.</translation>
    </message>
    <message>
        <source>{login} now works as {role} in {where} (database role {group}).</source>
        <translation>{login} arbetar nu som {role} i {where} (databasroll {group}).</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Changed by someone else</source>
        <translation>Ändrad av någon annan</translation>
    </message>
    <message>
        <source>The fields that differ: theirs and yours</source>
        <translation>Fälten som skiljer sig: den andras och dina</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Fält</translation>
    </message>
    <message>
        <source>Their saved value</source>
        <translation>Sparat av den andra</translation>
    </message>
    <message>
        <source>Your value</source>
        <translation>Ditt värde</translation>
    </message>
    <message>
        <source>The two versions have the same values.</source>
        <translation>De två versionerna har samma värden.</translation>
    </message>
    <message>
        <source>&amp;Keep theirs</source>
        <translation>&amp;Behåll den andras</translation>
    </message>
    <message>
        <source>Keep theirs: load the saved version; your values go to the clipboard</source>
        <translation>Behåll den andras: läs in den sparade versionen; dina värden kopieras till urklipp</translation>
    </message>
    <message>
        <source>&amp;Use mine</source>
        <translation>&amp;Använd min</translation>
    </message>
    <message>
        <source>Use mine: save your values on top of their version</source>
        <translation>Använd min: spara dina värden ovanpå den andras version</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Cancel: go on editing</source>
        <translation>Avbryt: fortsätt redigera</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>Database connection</source>
        <translation>Databasanslutning</translation>
    </message>
    <message>
        <source>The shared database cannot be reached. Your input is kept; Kansli Desk retries every few seconds.</source>
        <translation>Den delade databasen går inte att nå. Det du har skrivit finns kvar; Kansli Desk försöker igen med några sekunders mellanrum.</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Connect to a shared database</source>
        <translation>Anslut till en delad databas</translation>
    </message>
    <message>
        <source>Connect to the team&apos;s shared PostgreSQL database. The password is never written to the settings; tick the box to keep it in the system&apos;s keyring.</source>
        <translation>Anslut till teamets delade PostgreSQL-databas. Lösenordet skrivs aldrig till inställningarna; kryssa i rutan för att spara det i systemets nyckelring.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Databas</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Användare</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Lösenord</translation>
    </message>
    <message>
        <source>&amp;Remember the password in the keyring</source>
        <translation>&amp;Kom ihåg lösenordet i nyckelringen</translation>
    </message>
    <message>
        <source>Remember the password</source>
        <translation>Kom ihåg lösenordet</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Testa anslutningen</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Testa anslutningen</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Databas:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Användare:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Lösenord:</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>A&amp;nslut</translation>
    </message>
    <message>
        <source>Connecting to {server}…</source>
        <translation>Ansluter till {server}…</translation>
    </message>
    <message>
        <source>The connection works. The database is empty; Kansli Desk prepares it when you connect.</source>
        <translation>Anslutningen fungerar. Databasen är tom; Kansli Desk förbereder den när du ansluter.</translation>
    </message>
    <message>
        <source>The connection works. The database is a Kansli Desk database (schema {rev}).</source>
        <translation>Anslutningen fungerar. Databasen är en Kansli Desk-databas (schema {rev}).</translation>
    </message>
    <message>
        <source>The connection works. The database is upgraded from schema {old} to {rev} when you connect.</source>
        <translation>Anslutningen fungerar. Databasen uppgraderas från schema {old} till {rev} när du ansluter.</translation>
    </message>
    <message>
        <source>The connection works, but the database belongs to a newer version of Kansli Desk (schema {old}). Update the program first.</source>
        <translation>Anslutningen fungerar, men databasen hör till en nyare version av Kansli Desk (schema {old}). Uppdatera programmet först.</translation>
    </message>
    <message>
        <source>The connection works, but the database holds another program&apos;s tables. Choose an empty database.</source>
        <translation>Anslutningen fungerar, men databasen innehåller ett annat programs tabeller. Välj en tom databas.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>ÅÅÅÅ-MM-DD</translation>
    </message>
</context>
<context>
    <name>Decision</name>
    <message>
        <source>Responsible health-care staff at the care unit place the order. The citizen cannot order it themself, and the Kansli does not order on a caller&apos;s behalf.</source>
        <translation>Ansvarig vårdpersonal på vårdenheten gör beställningen. Invånaren kan inte beställa själv, och Kansliet beställer inte åt den som ringer.</translation>
    </message>
    <message>
        <source>You, as responsible health-care staff at the care unit, place the order.</source>
        <translation>Du som ansvarig vårdpersonal på vårdenheten gör beställningen.</translation>
    </message>
    <message>
        <source>The head of operations (verksamhetschef) of the care unit decides case by case, after a harm assessment.</source>
        <translation>Vårdenhetens verksamhetschef beslutar i varje enskilt fall, efter menprövning.</translation>
    </message>
    <message>
        <source>The head of operations (verksamhetschef) decides, when the child can be assumed to suffer significant harm if the guardian sees the information.</source>
        <translation>Verksamhetschefen beslutar, när barnet kan antas lida betydande men om vårdnadshavaren ser uppgifterna.</translation>
    </message>
    <message>
        <source>On staff&apos;s initiative the measure rests on the care provider&apos;s judgement that access could harm the patient, staff or a third person; the head of operations approves it.</source>
        <translation>På personalens initiativ bygger åtgärden på vårdgivarens bedömning att åtkomsten kan skada patienten, personalen eller tredje person; verksamhetschefen godkänner den.</translation>
    </message>
    <message>
        <source>Responsible health-care staff fill in the digital form at Supportcenter Vårdsystem, under the heading 1177/e-tjänster.</source>
        <translation>Ansvarig vårdpersonal fyller i den digitala blanketten hos Supportcenter Vårdsystem, under rubriken 1177/e-tjänster.</translation>
    </message>
    <message>
        <source>Orders that are not urgent are handled during office hours.</source>
        <translation>Beställningar som inte är akuta handläggs under kontorstid.</translation>
    </message>
    <message>
        <source>Urgent: fill in the form first, then phone Supportcenter Vårdsystem on 0480-840 38, option 2.</source>
        <translation>Akut: fyll först i blanketten och ring sedan Supportcenter Vårdsystem på 0480-840 38, knappval 2.</translation>
    </message>
    <message>
        <source>During standby hours (17:00–07:00) leave a message and wait for a call back within 30 minutes.</source>
        <translation>Under beredskapstid (17:00–07:00): tala in ett meddelande och invänta uppringning inom 30 minuter.</translation>
    </message>
    <message>
        <source>A confirmation e-mail goes automatically to the head of operations and to whoever created the order.</source>
        <translation>Ett bekräftelsemejl skickas automatiskt till verksamhetschefen och till den som skapade beställningen.</translation>
    </message>
    <message>
        <source>Backup routine: fill in the paper form on the computer, print it and sign it.</source>
        <translation>Reservrutin: fyll i pappersblanketten digitalt, skriv ut den och skriv under.</translation>
    </message>
    <message>
        <source>Send the signed form by internal mail to Regionstab Kansli, Strömgatan, Kalmar.</source>
        <translation>Skicka den underskrivna blanketten med internposten till Regionstab Kansli, Strömgatan, Kalmar.</translation>
    </message>
    <message>
        <source>Urgent: also phone IT-Vårdsystemsupport on 0480-840 38, option 2, then fill in and send the form.</source>
        <translation>Akut: ring också IT-Vårdsystemsupport på 0480-840 38, knappval 2, och fyll därefter i och skicka blanketten.</translation>
    </message>
    <message>
        <source>This is not a Kansli order: refer the caller to the care unit or the care provider.</source>
        <translation>Detta beställs inte via Kansliet: hänvisa den som ringer till vårdenheten eller vårdgivaren.</translation>
    </message>
    <message>
        <source>No order is needed: answer with the help of the article.</source>
        <translation>Ingen beställning behövs: svara med hjälp av artikeln.</translation>
    </message>
    <message>
        <source>The caller cannot place the order: they contact the care unit, where responsible health-care staff order it.</source>
        <translation>Den som ringer kan inte beställa själv: hen kontaktar vårdenheten, där ansvarig vårdpersonal gör beställningen.</translation>
    </message>
    <message>
        <source>A seal hides Journalen from the person (and from anyone they shared it with). It does not stop health-care staff from reading the record.</source>
        <translation>En försegling döljer Journalen för personen (och för dem personen har delat den med). Den hindrar inte vårdpersonal från att läsa journalen.</translation>
    </message>
    <message>
        <source>The person can seal Journalen themself: log in on 1177.se, open Journalen and choose Alternativ → Försegla konto.</source>
        <translation>Personen kan försegla Journalen själv: logga in på 1177.se, öppna Journalen och välj Alternativ → Försegla konto.</translation>
    </message>
    <message>
        <source>Opening a sealed Journalen again needs a request to the care provider (order type: Restoring direct access).</source>
        <translation>För att öppna en förseglad Journal igen krävs en begäran till vårdgivaren (ärendetyp: Återställande av direktåtkomst).</translation>
    </message>
    <message>
        <source>A seal does not lock the 1177 login. To cut off both the e-services and Journalen, both a seal and a login lock are needed.</source>
        <translation>En försegling låser inte inloggningen till 1177. För att stänga både e-tjänsterna och Journalen krävs både försegling och låsning av inloggningen.</translation>
    </message>
    <message>
        <source>A login lock stops the 1177 e-services, but Journalen can still be opened through a saved link. To stop Journalen too, it must also be sealed.</source>
        <translation>En låst inloggning stoppar e-tjänsterna på 1177, men Journalen kan fortfarande öppnas via en sparad länk. För att stoppa även Journalen måste den också förseglas.</translation>
    </message>
    <message>
        <source>Access comes back only through the care provider: staff at the care unit order Restoring direct access, also when the person sealed Journalen themself by mistake.</source>
        <translation>Åtkomsten kommer bara tillbaka via vårdgivaren: personal på vårdenheten beställer Återställande av direktåtkomst, även när personen själv har förseglat Journalen av misstag.</translation>
    </message>
    <message>
        <source>Removing a guardian&apos;s access takes away the proxy link: the guardian no longer sees the child&apos;s record or the child&apos;s e-services on 1177.</source>
        <translation>När en vårdnadshavares åtkomst tas bort försvinner ombudskopplingen: vårdnadshavaren ser inte längre barnets journal eller barnets e-tjänster på 1177.</translation>
    </message>
    <message>
        <source>Blocking one guardian leaves the other guardian&apos;s access in place.</source>
        <translation>Om en vårdnadshavare blockeras har den andra vårdnadshavaren kvar sin åtkomst.</translation>
    </message>
    <message>
        <source>A child with protected personal data already has no guardian access on 1177: the order may not be needed.</source>
        <translation>Ett barn med skyddade personuppgifter har redan ingen åtkomst för vårdnadshavare på 1177: beställningen behövs kanske inte.</translation>
    </message>
    <message>
        <source>From {guardian_until} until the child turns {own_from}, neither the guardians nor the child can read the child&apos;s record by default.</source>
        <translation>Från {guardian_until} år tills barnet fyller {own_from} kan varken vårdnadshavarna eller barnet läsa barnets journal, om inget undantag har beslutats.</translation>
    </message>
    <message>
        <source>The head of operations (verksamhetschef) can decide that a guardian keeps access or that the child gets access earlier. The decision covers only that unit&apos;s information.</source>
        <translation>Verksamhetschefen kan besluta att en vårdnadshavare behåller åtkomsten eller att barnet får åtkomst tidigare. Beslutet gäller bara den enhetens uppgifter.</translation>
    </message>
    <message>
        <source>Extended access for a guardian ends when the child turns {own_from}.</source>
        <translation>Utökad åtkomst för en vårdnadshavare upphör när barnet fyller {own_from}.</translation>
    </message>
    <message>
        <source>Guardians can read the child&apos;s record until the child turns {guardian_until}.</source>
        <translation>Vårdnadshavarna kan läsa barnets journal tills barnet fyller {guardian_until}.</translation>
    </message>
    <message>
        <source>From {own_from} the child reads their own record. Guardians no longer have access to Journalen, but may ask the care unit for a paper copy, subject to confidentiality.</source>
        <translation>Från {own_from} år läser barnet sin egen journal. Vårdnadshavarna har inte längre åtkomst till Journalen, men kan begära en papperskopia av vårdenheten, med förbehåll för sekretess.</translation>
    </message>
    <message>
        <source>A block (spärr) stops health-care staff at other units or care providers from reading the record. It is not a seal: a seal hides Journalen from the person themself.</source>
        <translation>En spärr hindrar vårdpersonal på andra enheter eller hos andra vårdgivare från att läsa journalen. Det är inte en försegling: en försegling döljer Journalen för personen själv.</translation>
    </message>
    <message>
        <source>The patient can set a block themself in Journalen under Övriga tjänster, or ask the care unit or the care provider.</source>
        <translation>Patienten kan själv spärra i Journalen under Övriga tjänster, eller vända sig till vårdenheten eller vårdgivaren.</translation>
    </message>
    <message>
        <source>The care unit decides what is kept out of Journalen (for example with excluded keywords and templates). Ask the unit that wrote the information.</source>
        <translation>Vårdenheten avgör vad som inte visas i Journalen (till exempel med undantagna sökord och mallar). Kontakta enheten som skrev uppgiften.</translation>
    </message>
    <message>
        <source>At each login the person can choose to hide information newer than 14 days.</source>
        <translation>Vid varje inloggning kan personen välja att dölja uppgifter som är nyare än 14 dagar.</translation>
    </message>
    <message>
        <source>To hide everything from one care unit or one time period, a seal limited to that unit or period can be ordered (Sealing and/or locking).</source>
        <translation>För att dölja allt från en vårdenhet eller en tidsperiod kan en försegling som gäller just den enheten eller perioden beställas (Försegling och/eller låsning).</translation>
    </message>
    <message>
        <source>Information from before 1 October 2015 may be missing: that is when Journalen started in Region Kalmar län.</source>
        <translation>Uppgifter från före den 1 oktober 2015 kan saknas: då startade Journalen i Region Kalmar län.</translation>
    </message>
    <message>
        <source>Some units, keywords and templates are not shown, nor are scanned documents and forms. A paper copy of the record holds everything, after a harm assessment.</source>
        <translation>Vissa enheter, sökord och mallar visas inte, inte heller inskannade dokument och blanketter. En papperskopia av journalen innehåller allt, efter menprövning.</translation>
    </message>
    <message>
        <source>New information is shown as soon as it is written, even before it is signed.</source>
        <translation>Nya uppgifter visas så snart de har skrivits, även innan de har signerats.</translation>
    </message>
    <message>
        <source>What is shown differs between regions and units. Questions about a note, or wrong information, go to the unit that wrote it.</source>
        <translation>Vad som visas skiljer sig mellan regioner och enheter. Frågor om en anteckning, eller om felaktiga uppgifter, ställs till enheten som skrev den.</translation>
    </message>
    <message>
        <source>The patient has a right to a log extract showing which units have read the record and when. Ask the care provider for it.</source>
        <translation>Patienten har rätt till ett loggutdrag som visar vilka enheter som har läst journalen och när. Begär det av vårdgivaren.</translation>
    </message>
    <message>
        <source>Logging in to 1177 needs an e-ID (BankID or Freja eID); password and SMS no longer work.</source>
        <translation>Inloggning på 1177 kräver e-legitimation (BankID eller Freja eID); lösenord och sms fungerar inte längre.</translation>
    </message>
    <message>
        <source>People with a samordningsnummer or a reservnummer cannot log in to 1177.</source>
        <translation>Personer med samordningsnummer eller reservnummer kan inte logga in på 1177.</translation>
    </message>
    <message>
        <source>From {guardian_until} a child can log in to the e-services, but reads Journalen only from {own_from}.</source>
        <translation>Från {guardian_until} år kan ett barn logga in i e-tjänsterna, men läser Journalen först från {own_from} år.</translation>
    </message>
    <message>
        <source>Regionstab Kansli answers questions about the 1177 account and Journalen on 0480-44 86 00 during office hours.</source>
        <translation>Regionstab Kansli svarar på frågor om invånarkontot på 1177 och Journalen på 0480-44 86 00 under kontorstid.</translation>
    </message>
    <message>
        <source>The person is {age}, an adult: treated as another adult, not as a child.</source>
        <translation>Personen är {age} år och vuxen: behandlas som en annan vuxen, inte som ett barn.</translation>
    </message>
    <message>
        <source>The person is {age}, a child: treated as a child, not as an adult.</source>
        <translation>Personen är {age} år och ett barn: behandlas som ett barn, inte som en vuxen.</translation>
    </message>
    <message>
        <source>An adult cannot ask for this on another adult&apos;s record, and a proxy gets no direct access to an adult&apos;s record. The person must contact the care unit themself.</source>
        <translation>En vuxen kan inte begära detta för en annan vuxens journal, och ett ombud får ingen direktåtkomst till en vuxens journal. Personen måste själv kontakta vårdenheten.</translation>
    </message>
    <message>
        <source>A legal representative needs the district court&apos;s appointment decision, and access for a representative is granted restrictively: the care unit checks the mandate.</source>
        <translation>En legal ställföreträdare behöver tingsrättens förordnande, och åtkomst för ställföreträdare ges restriktivt: vårdenheten kontrollerar uppdraget.</translation>
    </message>
    <message>
        <source>Only the child&apos;s guardians, as registered with Skatteverket, or staff at the care unit can raise this for a child.</source>
        <translation>Bara barnets vårdnadshavare enligt folkbokföringen hos Skatteverket, eller personal på vårdenheten, kan ta upp detta för ett barn.</translation>
    </message>
    <message>
        <source>A guardian cannot ask for a block (spärr) on a child&apos;s record.</source>
        <translation>En vårdnadshavare kan inte begära spärr av ett barns journal.</translation>
    </message>
    <message>
        <source>Only the patient themself can ask for a block (spärr).</source>
        <translation>Bara patienten själv kan begära spärr.</translation>
    </message>
    <message>
        <source>One guardian cannot stop the other guardian&apos;s access on their own: the care unit removes it only when the head of operations finds that the child would suffer significant harm.</source>
        <translation>En vårdnadshavare kan inte på egen hand stoppa den andra vårdnadshavarens åtkomst: vårdenheten tar bort den bara när verksamhetschefen bedömer att barnet skulle lida betydande men.</translation>
    </message>
    <message>
        <source>From {own_from} the child decides about their own Journalen and must ask for this themself.</source>
        <translation>Från {own_from} år bestämmer barnet själv över sin Journal och måste själv begära detta.</translation>
    </message>
    <message>
        <source>Ask for the child&apos;s age or personnummer: the rules depend on it.</source>
        <translation>Fråga efter barnets ålder eller personnummer: reglerna beror på den.</translation>
    </message>
    <message>
        <source>The child is {age}: under {guardian_until} the guardians already have access. This order type is for children aged {guardian_until}–{minor_last}.</source>
        <translation>Barnet är {age} år: under {guardian_until} år har vårdnadshavarna redan åtkomst. Ärendetypen gäller barn mellan {guardian_until} och {minor_last} år.</translation>
    </message>
    <message>
        <source>The person is {age}: from {own_from} they have access of their own. This order type is for children aged {guardian_until}–{minor_last}.</source>
        <translation>Personen är {age} år: från {own_from} år har personen egen åtkomst. Ärendetypen gäller barn mellan {guardian_until} och {minor_last} år.</translation>
    </message>
    <message>
        <source>The person is {age}: a guardian&apos;s access can only be removed for a child under {own_from}. From {own_from} guardians have no access to Journalen anyway.</source>
        <translation>Personen är {age} år: en vårdnadshavares åtkomst kan bara tas bort för ett barn under {own_from} år. Från {own_from} år har vårdnadshavare ändå ingen åtkomst till Journalen.</translation>
    </message>
    <message>
        <source>The child is {age}: from {guardian_until} to {minor_last} guardians have no access by default, so this only matters if extended guardian access was granted.</source>
        <translation>Barnet är {age} år: mellan {guardian_until} och {minor_last} år har vårdnadshavare ingen åtkomst om inget undantag har beslutats, så detta spelar bara roll om vårdnadshavaren har fått utökad åtkomst.</translation>
    </message>
    <message>
        <source>The person is {age}: a seal on the person&apos;s own wish needs them to be at least {own_from}. Younger people have no access of their own to Journalen.</source>
        <translation>Personen är {age} år: försegling på egen begäran kräver att personen har fyllt {own_from}. Yngre har ingen egen åtkomst till Journalen.</translation>
    </message>
    <message>
        <source>A child under {own_from} has no access of their own to Journalen. To stop a guardian reading the record, remove the guardian&apos;s access instead.</source>
        <translation>Ett barn under {own_from} år har ingen egen åtkomst till Journalen. För att hindra en vårdnadshavare från att läsa journalen tar man i stället bort vårdnadshavarens åtkomst.</translation>
    </message>
    <message>
        <source>The person is {age}: a login lock on the person&apos;s own wish needs them to be at least {guardian_until}.</source>
        <translation>Personen är {age} år: låsning av inloggningen på egen begäran kräver att personen har fyllt {guardian_until}.</translation>
    </message>
    <message>
        <source>A child&apos;s login should not be locked: that also stops the guardians acting for the child. Remove the guardian&apos;s access instead.</source>
        <translation>Ett barns inloggning ska inte låsas: det hindrar också vårdnadshavarna från att agera ombud för barnet. Ta i stället bort vårdnadshavarens åtkomst.</translation>
    </message>
    <message>
        <source>People with a samordningsnummer cannot log in to 1177, so Journalen orders for them are rare: check the case with the care unit.</source>
        <translation>Personer med samordningsnummer kan inte logga in på 1177, så beställningar om Journalen för dem är ovanliga: stäm av ärendet med vårdenheten.</translation>
    </message>
    <message>
        <source>The samordningsnummer does not give the exact birth date: the person may be {youngest}, not {age}.</source>
        <translation>Samordningsnumret anger inte exakt födelsedatum: personen kan vara {youngest} år, inte {age}.</translation>
    </message>
    <message>
        <source>The person turns {age} on {date}, within {soon} days, and the rules change then. Check the age again when the order is handled.</source>
        <translation>Personen fyller {age} år den {date}, inom {soon} dagar, och då ändras reglerna. Kontrollera åldern igen när beställningen handläggs.</translation>
    </message>
</context>
<context>
    <name>DecisionHelperDialog</name>
    <message>
        <source>Decision helper</source>
        <translation>Beslutsstöd</translation>
    </message>
    <message>
        <source>Who is calling</source>
        <translation>Vem som ringer</translation>
    </message>
    <message>
        <source>What the caller wants</source>
        <translation>Vad den som ringer vill</translation>
    </message>
    <message>
        <source>Personnummer or birth date</source>
        <translation>Personnummer eller födelsedatum</translation>
    </message>
    <message>
        <source>Optional: YYYYMMDD-NNNN or YYYY-MM-DD</source>
        <translation>Frivilligt: ÅÅÅÅMMDD-NNNN eller ÅÅÅÅ-MM-DD</translation>
    </message>
    <message>
        <source>Age of the person</source>
        <translation>Personens ålder</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Okänd</translation>
    </message>
    <message>
        <source> years</source>
        <translation> år</translation>
    </message>
    <message>
        <source>A personnummer or birth date, when given, decides the age instead.</source>
        <translation>Om ett personnummer eller födelsedatum anges är det det som avgör åldern.</translation>
    </message>
    <message>
        <source>&amp;Urgent</source>
        <translation>&amp;Akut</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Akut</translation>
    </message>
    <message>
        <source>Digital ordering is &amp;down (backup routine)</source>
        <translation>Digital beställning &amp;fungerar inte (reservrutin)</translation>
    </message>
    <message>
        <source>The digital ordering route is down</source>
        <translation>Digital beställning fungerar inte</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Så gör du</translation>
    </message>
    <message>
        <source>Open ar&amp;ticle</source>
        <translation>Öppna ar&amp;tikeln</translation>
    </message>
    <message>
        <source>Open the article</source>
        <translation>Öppna artikeln</translation>
    </message>
    <message>
        <source>Open the &amp;ordering routine</source>
        <translation>Öppna &amp;beställningsrutinen</translation>
    </message>
    <message>
        <source>Open the article on the ordering routine</source>
        <translation>Öppna artikeln om beställningsrutinen</translation>
    </message>
    <message>
        <source>Who is &amp;calling:</source>
        <translation>Vem &amp;ringer:</translation>
    </message>
    <message>
        <source>A&amp;bout:</source>
        <translation>&amp;Gäller:</translation>
    </message>
    <message>
        <source>What do they &amp;want:</source>
        <translation>Vad &amp;vill de:</translation>
    </message>
    <message>
        <source>&amp;Personnummer or birth date:</source>
        <translation>&amp;Personnummer eller födelsedatum:</translation>
    </message>
    <message>
        <source>A&amp;ge:</source>
        <translation>Å&amp;lder:</translation>
    </message>
    <message>
        <source>The call</source>
        <translation>Samtalet</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Order type: {type}</source>
        <translation>Ärendetyp: {type}</translation>
    </message>
    <message>
        <source>No Kansli order</source>
        <translation>Ingen beställning via Kansliet</translation>
    </message>
    <message>
        <source>Not possible as asked: see Check first.</source>
        <translation>Går inte som efterfrågat: se Kontrollera först.</translation>
    </message>
    <message>
        <source>Age {age}: {stage}.</source>
        <translation>Ålder {age}: {stage}.</translation>
    </message>
    <message>
        <source>Check first</source>
        <translation>Kontrollera först</translation>
    </message>
    <message>
        <source>Who orders</source>
        <translation>Vem beställer</translation>
    </message>
    <message>
        <source>Route: {route}</source>
        <translation>Väg: {route}</translation>
    </message>
    <message>
        <source>Tell the caller</source>
        <translation>Berätta för den som ringer</translation>
    </message>
</context>
<context>
    <name>Enums</name>
    <message>
        <source>Advisor</source>
        <translation>Rådgivare</translation>
    </message>
    <message>
        <source>Registry clerk</source>
        <translation>Registrator</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Chef</translation>
    </message>
    <message>
        <source>Citizen/patient</source>
        <translation>Invånare/patient</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>Vårdnadshavare</translation>
    </message>
    <message>
        <source>Proxy/legal representative</source>
        <translation>Ombud/legal ställföreträdare</translation>
    </message>
    <message>
        <source>Health-care staff</source>
        <translation>Vårdpersonal</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Annan</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Besvarat</translation>
    </message>
    <message>
        <source>Referred to care unit</source>
        <translation>Hänvisat till vårdenhet</translation>
    </message>
    <message>
        <source>Referred to Supportcenter Vårdsystem</source>
        <translation>Hänvisat till Supportcenter Vårdsystem</translation>
    </message>
    <message>
        <source>Form sent or case registered</source>
        <translation>Blankett skickad eller ärende registrerat</translation>
    </message>
    <message>
        <source>Callback</source>
        <translation>Återuppringning</translation>
    </message>
    <message>
        <source>Sealing and/or locking</source>
        <translation>Försegling och/eller låsning</translation>
    </message>
    <message>
        <source>Restoring direct access</source>
        <translation>Återställande av direktåtkomst</translation>
    </message>
    <message>
        <source>Removing a guardian&apos;s direct access</source>
        <translation>Borttagande av direktåtkomst för vårdnadshavare</translation>
    </message>
    <message>
        <source>Access to a minor&apos;s record (13–15 years)</source>
        <translation>Tillgång till minderårigs journal (13–15 år)</translation>
    </message>
    <message>
        <source>The individual&apos;s own wish</source>
        <translation>Enskilds önskemål</translation>
    </message>
    <message>
        <source>Request of health-care staff</source>
        <translation>På begäran av hälso- och sjukvårdspersonal</translation>
    </message>
    <message>
        <source>Seal Journalen</source>
        <translation>Försegla Journalen</translation>
    </message>
    <message>
        <source>Themself</source>
        <translation>Sig själv</translation>
    </message>
    <message>
        <source>A child (under 18)</source>
        <translation>Ett barn (under 18 år)</translation>
    </message>
    <message>
        <source>Another adult</source>
        <translation>En annan vuxen</translation>
    </message>
    <message>
        <source>Seal Journalen (hide the record from the person)</source>
        <translation>Försegla Journalen (dölja journalen för personen själv)</translation>
    </message>
    <message>
        <source>Lock the 1177 login</source>
        <translation>Låsa inloggningen till 1177</translation>
    </message>
    <message>
        <source>Restore access (unseal or unlock)</source>
        <translation>Återställa åtkomst (häva försegling eller låsning)</translation>
    </message>
    <message>
        <source>Remove a guardian&apos;s access to a child&apos;s record</source>
        <translation>Ta bort en vårdnadshavares åtkomst till barnets journal</translation>
    </message>
    <message>
        <source>Give or remove access to the record of a child aged {guardian_until}–{minor_last}</source>
        <translation>Ge eller ta bort tillgång till journalen för ett barn på {guardian_until}–{minor_last} år</translation>
    </message>
    <message>
        <source>Block other health-care staff from reading the record (spärr)</source>
        <translation>Hindra annan vårdpersonal från att läsa journalen (spärr)</translation>
    </message>
    <message>
        <source>Hide specific information in Journalen</source>
        <translation>Dölja viss information i Journalen</translation>
    </message>
    <message>
        <source>Understand why something is shown or missing</source>
        <translation>Förstå varför något visas eller saknas</translation>
    </message>
    <message>
        <source>A log extract (who has read the record)</source>
        <translation>Loggutdrag (vem som har läst journalen)</translation>
    </message>
    <message>
        <source>Problems logging in to 1177</source>
        <translation>Problem att logga in på 1177</translation>
    </message>
    <message>
        <source>Something else</source>
        <translation>Något annat</translation>
    </message>
    <message>
        <source>Digital form at Supportcenter Vårdsystem</source>
        <translation>Digital blankett hos Supportcenter Vårdsystem</translation>
    </message>
    <message>
        <source>Paper form (backup routine)</source>
        <translation>Pappersblankett (reservrutin)</translation>
    </message>
    <message>
        <source>Refer to the care unit or care provider</source>
        <translation>Hänvisa till vårdenheten eller vårdgivaren</translation>
    </message>
    <message>
        <source>Answer the question; no order</source>
        <translation>Besvara frågan; ingen beställning</translation>
    </message>
    <message>
        <source>Unseal Journalen</source>
        <translation>Häva förseglingen av Journalen</translation>
    </message>
    <message>
        <source>Unlock the 1177 login</source>
        <translation>Låsa upp inloggningen till 1177</translation>
    </message>
    <message>
        <source>Remove guardian&apos;s direct access</source>
        <translation>Ta bort vårdnadshavares direktåtkomst</translation>
    </message>
    <message>
        <source>Give access to the minor&apos;s record</source>
        <translation>Ge tillgång till minderårigs journal</translation>
    </message>
    <message>
        <source>Remove access to the minor&apos;s record</source>
        <translation>Ta bort tillgång till minderårigs journal</translation>
    </message>
    <message>
        <source>Whole account</source>
        <translation>Hela kontot</translation>
    </message>
    <message>
        <source>Care unit</source>
        <translation>Vårdenhet</translation>
    </message>
    <message>
        <source>Care provider</source>
        <translation>Vårdgivare</translation>
    </message>
    <message>
        <source>Time period</source>
        <translation>Tidsperiod</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Mottagen</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registrerad</translation>
    </message>
    <message>
        <source>Completion requested</source>
        <translation>Komplettering begärd</translation>
    </message>
    <message>
        <source>Forwarded</source>
        <translation>Vidarebefordrad</translation>
    </message>
    <message>
        <source>Executed</source>
        <translation>Utförd</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Bekräftad</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Avslutad</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Makulerad</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Avvisad</translation>
    </message>
    <message>
        <source>Person concerned</source>
        <translation>Berörd person</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Barn</translation>
    </message>
    <message>
        <source>Personal identity number</source>
        <translation>Personnummer</translation>
    </message>
    <message>
        <source>Coordination number</source>
        <translation>Samordningsnummer</translation>
    </message>
    <message>
        <source>Reserve number</source>
        <translation>Reservnummer</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Skapad</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Ändrad</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Borttagen</translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation>Status ändrad</translation>
    </message>
    <message>
        <source>Viewed unmasked identity number</source>
        <translation>Visade omaskerat personnummer</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importerad</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exporterad</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Utskriven</translation>
    </message>
    <message>
        <source>Purged</source>
        <translation>Gallrad</translation>
    </message>
    <message>
        <source>Opened the program</source>
        <translation>Öppnade programmet</translation>
    </message>
    <message>
        <source>Guardians have access</source>
        <translation>Vårdnadshavarna har åtkomst</translation>
    </message>
    <message>
        <source>Nobody has access by default</source>
        <translation>Ingen har åtkomst som standard</translation>
    </message>
    <message>
        <source>Own access</source>
        <translation>Egen åtkomst</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Write the identity number as YYYYMMDD-NNNN (or YYMMDD-NNNN).</source>
        <translation>Skriv numret som ÅÅÅÅMMDD-NNNN (eller ÅÅMMDD-NNNN).</translation>
    </message>
    <message>
        <source>This is an interim number (a letter in the last four characters), not a personal identity number. Use the person&apos;s personnummer, samordningsnummer or reservnummer.</source>
        <translation>Det här är ett interimsnummer (en bokstav bland de fyra sista tecknen), inte ett personnummer. Använd personens personnummer, samordningsnummer eller reservnummer.</translation>
    </message>
    <message>
        <source>The identity number does not contain a valid date.</source>
        <translation>Numret innehåller inget giltigt datum.</translation>
    </message>
    <message>
        <source>The identity number gives a birth date in the future.</source>
        <translation>Numret ger ett födelsedatum i framtiden.</translation>
    </message>
    <message>
        <source>The identity number has the serial 000, which is never issued.</source>
        <translation>Numret har födelsenumret 000, som aldrig delas ut.</translation>
    </message>
    <message>
        <source>The check digit (the last digit) is wrong: check the number for a typing error.</source>
        <translation>Kontrollsiffran (sista siffran) stämmer inte: kontrollera numret så att det inte är felskrivet.</translation>
    </message>
    <message>
        <source>No screen was found (neither DISPLAY nor WAYLAND_DISPLAY is set). Start Kansli Desk from a desktop session.</source>
        <translation>Ingen skärm hittades (varken DISPLAY eller WAYLAND_DISPLAY är satt). Starta Kansli Desk från en skrivbordssession.</translation>
    </message>
    <message>
        <source>The database address is not valid. Use sqlite:///FILE or postgresql+psycopg://user@server/database.</source>
        <translation>Databasadressen är inte giltig. Använd sqlite:///FIL eller postgresql+psycopg://användare@server/databas.</translation>
    </message>
    <message>
        <source>Unknown database type “{scheme}”. Kansli Desk works with sqlite:///FILE or postgresql+psycopg://user@server/database.</source>
        <translation>Okänd databastyp ”{scheme}”. Kansli Desk fungerar med sqlite:///FIL eller postgresql+psycopg://användare@server/databas.</translation>
    </message>
    <message>
        <source>The PostgreSQL address must name a database.</source>
        <translation>PostgreSQL-adressen måste ange en databas.</translation>
    </message>
    <message>
        <source>The database {where} was made by a newer version of Kansli Desk (schema {revision}). Update the program before using this database; nothing was changed.</source>
        <translation>Databasen {where} är skapad av en nyare version av Kansli Desk (schema {revision}). Uppdatera programmet innan du använder databasen; ingenting har ändrats.</translation>
    </message>
    <message>
        <source>The database {where} holds tables of another program, not Kansli Desk. Choose an empty database or a Kansli Desk database; nothing was changed.</source>
        <translation>Databasen {where} innehåller tabeller från ett annat program, inte Kansli Desk. Välj en tom databas eller en Kansli Desk-databas; ingenting har ändrats.</translation>
    </message>
    <message>
        <source>The database {where} needs an upgrade first: run “kansli-desk db upgrade”.</source>
        <translation>Databasen {where} behöver först uppgraderas: kör ”kansli-desk db upgrade”.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file.</source>
        <translation>{path} är en mapp, inte en databasfil.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>Mappen {folder} finns inte.</translation>
    </message>
    <message>
        <source>The database file {path} cannot be written to (it or its folder is read-only). Check the file&apos;s permissions or choose another database.</source>
        <translation>Det går inte att skriva i databasfilen {path} (filen eller mappen är skrivskyddad). Kontrollera behörigheterna eller välj en annan databas.</translation>
    </message>
    <message>
        <source>The file {path} is damaged or is not a Kansli Desk database; nothing was changed.</source>
        <translation>Filen {path} är skadad eller är ingen Kansli Desk-databas; ingenting har ändrats.</translation>
    </message>
    <message>
        <source>The database file {path} is busy in another program. Try again in a moment.</source>
        <translation>Databasfilen {path} används av ett annat program. Försök igen om en stund.</translation>
    </message>
    <message>
        <source>The database file {path} cannot be opened ({detail}).</source>
        <translation>Databasfilen {path} kan inte öppnas ({detail}).</translation>
    </message>
    <message>
        <source>Wrong password for {user} on {server}.</source>
        <translation>Fel lösenord för {user} på {server}.</translation>
    </message>
    <message>
        <source>The server {server} asks for a password for {user}.</source>
        <translation>Servern {server} begär ett lösenord för {user}.</translation>
    </message>
    <message>
        <source>The database “{name}” does not exist on {server}.</source>
        <translation>Databasen ”{name}” finns inte på {server}.</translation>
    </message>
    <message>
        <source>The user “{user}” does not exist on {server}.</source>
        <translation>Användaren ”{user}” finns inte på {server}.</translation>
    </message>
    <message>
        <source>The user “{user}” may not use the database {where} this way.</source>
        <translation>Användaren ”{user}” har inte behörighet att använda databasen {where} på det här sättet.</translation>
    </message>
    <message>
        <source>Cannot reach the database server {server}. Check the address and the network, and that the server is running.</source>
        <translation>Det går inte att nå databasservern {server}. Kontrollera adressen och nätverket, och att servern är igång.</translation>
    </message>
    <message>
        <source>The database {where} cannot be used ({detail}).</source>
        <translation>Databasen {where} kan inte användas ({detail}).</translation>
    </message>
    <message>
        <source>Fill in the server, the database and the user.</source>
        <translation>Fyll i server, databas och användare.</translation>
    </message>
    <message>
        <source>Article {file}: the file is not UTF-8 text.</source>
        <translation>Artikeln {file}: filen är inte UTF-8-text.</translation>
    </message>
    <message>
        <source>Article {file}: the header between two lines of “---” is missing.</source>
        <translation>Artikeln {file}: huvudet mellan två rader ”---” saknas.</translation>
    </message>
    <message>
        <source>Article {file}, line {line}: expected “key: value” with a known key.</source>
        <translation>Artikeln {file}, rad {line}: förväntade ”nyckel: värde” med en känd nyckel.</translation>
    </message>
    <message>
        <source>Article {file}: the header lacks {keys}.</source>
        <translation>Artikeln {file}: huvudet saknar {keys}.</translation>
    </message>
    <message>
        <source>Article {file}: last_reviewed must be YYYY-MM-DD and the interval a number.</source>
        <translation>Artikeln {file}: last_reviewed måste vara ÅÅÅÅ-MM-DD och intervallet ett tal.</translation>
    </message>
    <message>
        <source>Article {file}: unknown topic “{topic}”.</source>
        <translation>Artikeln {file}: okänt ämne ”{topic}”.</translation>
    </message>
    <message>
        <source>The call was not saved: correct the marked fields.</source>
        <translation>Samtalet sparades inte: rätta de markerade fälten.</translation>
    </message>
    <message>
        <source>Choose who is calling.</source>
        <translation>Välj vem som ringer.</translation>
    </message>
    <message>
        <source>The article was not saved: correct the marked fields.</source>
        <translation>Artikeln sparades inte: rätta de markerade fälten.</translation>
    </message>
    <message>
        <source>Only a registry clerk or a supervisor can register or change forms.</source>
        <translation>Bara en registrator eller en chef kan registrera eller ändra blanketter.</translation>
    </message>
    <message>
        <source>Only a registry clerk or a supervisor can import forms.</source>
        <translation>Bara en registrator eller en chef kan importera blanketter.</translation>
    </message>
    <message>
        <source>Only a registry clerk or a supervisor can see unmasked identity numbers on forms.</source>
        <translation>Bara en registrator eller en chef kan se omaskerade identitetsnummer på blanketter.</translation>
    </message>
    <message>
        <source>Only a supervisor can change users&apos; roles.</source>
        <translation>Bara en chef kan ändra användares roller.</translation>
    </message>
    <message>
        <source>Your role does not allow this.</source>
        <translation>Din roll tillåter inte detta.</translation>
    </message>
    <message>
        <source>Only a supervisor can edit knowledge articles.</source>
        <translation>Bara en chef kan redigera kunskapsartiklar.</translation>
    </message>
    <message>
        <source>Give the article a title of at most {limit} characters.</source>
        <translation>Ge artikeln en rubrik på högst {limit} tecken.</translation>
    </message>
    <message>
        <source>Write the text of the article.</source>
        <translation>Skriv artikelns text.</translation>
    </message>
    <message>
        <source>Name the sources of the article: every article must say where its facts come from.</source>
        <translation>Ange artikelns källor: varje artikel måste säga var uppgifterna kommer ifrån.</translation>
    </message>
    <message>
        <source>Choose at least one topic.</source>
        <translation>Välj minst ett ämne.</translation>
    </message>
    <message>
        <source>A chosen topic no longer exists. Choose the topics again.</source>
        <translation>Ett valt ämne finns inte längre. Välj ämnena igen.</translation>
    </message>
    <message>
        <source>The topic “{topic}” has been retired and cannot be added to an article now.</source>
        <translation>Ämnet ”{topic}” har utgått och kan inte läggas till en artikel nu.</translation>
    </message>
    <message>
        <source>Write the owner in at most {limit} characters.</source>
        <translation>Skriv ägaren med högst {limit} tecken.</translation>
    </message>
    <message>
        <source>The review interval must be between {low} and {high} days.</source>
        <translation>Granskningsintervallet måste vara mellan {low} och {high} dagar.</translation>
    </message>
    <message>
        <source>The comment may be at most {limit} characters long.</source>
        <translation>Kommentaren får vara högst {limit} tecken lång.</translation>
    </message>
    <message>
        <source>Someone else saved this article while you were editing it, and nothing of yours was saved. Compare the two versions and choose what to keep.</source>
        <translation>Någon annan sparade artikeln medan du redigerade den, och inget av ditt sparades. Jämför de två versionerna och välj vad som ska behållas.</translation>
    </message>
    <message>
        <source>The article no longer exists.</source>
        <translation>Artikeln finns inte längre.</translation>
    </message>
    <message>
        <source>The article has no version {number}.</source>
        <translation>Artikeln har ingen version {number}.</translation>
    </message>
    <message>
        <source>There is no newer shipped version of this article (any more).</source>
        <translation>Det finns inte (längre) någon nyare levererad version av artikeln.</translation>
    </message>
    <message>
        <source>The topic “{topic}” has been retired and cannot be chosen for a call now.</source>
        <translation>Ämnet ”{topic}” har utgått och kan inte väljas för ett samtal nu.</translation>
    </message>
    <message>
        <source>Choose how the call ended.</source>
        <translation>Välj hur samtalet slutade.</translation>
    </message>
    <message>
        <source>The notes are {length} characters long; at most {limit} are allowed.</source>
        <translation>Anteckningarna är {length} tecken långa; högst {limit} tecken är tillåtna.</translation>
    </message>
    <message>
        <source>Give the phone number to call back.</source>
        <translation>Ange telefonnumret att ringa tillbaka till.</translation>
    </message>
    <message>
        <source>Write the phone number with 6 to 20 digits; only spaces, “-” and a leading “+” may be added.</source>
        <translation>Skriv telefonnumret med 6 till 20 siffror; bara mellanslag, ”-” och ett inledande ”+” får finnas med.</translation>
    </message>
    <message>
        <source>Give the time to call back.</source>
        <translation>Ange när du ska ringa tillbaka.</translation>
    </message>
    <message>
        <source>The time to call back has already passed. Choose a later time.</source>
        <translation>Tiden för återringning har redan passerat. Välj en senare tid.</translation>
    </message>
    <message>
        <source>No form in the register has the registry number “{number}”.</source>
        <translation>Ingen blankett i registret har diarienumret ”{number}”.</translation>
    </message>
    <message>
        <source>The duration must be between 0 seconds and 24 hours.</source>
        <translation>Längden måste vara mellan 0 sekunder och 24 timmar.</translation>
    </message>
    <message>
        <source>Someone else saved this call while you were editing it. Open the call again to see their changes, then make yours.</source>
        <translation>Någon annan sparade samtalet medan du ändrade det. Öppna samtalet igen för att se deras ändringar och gör sedan dina.</translation>
    </message>
    <message>
        <source>The call no longer exists.</source>
        <translation>Samtalet finns inte längre.</translation>
    </message>
    <message>
        <source>This call has no callback to mark as done.</source>
        <translation>Samtalet har ingen återringning att markera som klar.</translation>
    </message>
    <message>
        <source>Only a supervisor can add or retire topics.</source>
        <translation>Bara en chef kan lägga till eller avveckla ämnen.</translation>
    </message>
    <message>
        <source>Give the topic a name of at most {limit} characters.</source>
        <translation>Ge ämnet ett namn på högst {limit} tecken.</translation>
    </message>
    <message>
        <source>A topic named “{name}” already exists.</source>
        <translation>Det finns redan ett ämne som heter ”{name}”.</translation>
    </message>
    <message>
        <source>The topic no longer exists.</source>
        <translation>Ämnet finns inte längre.</translation>
    </message>
    <message>
        <source>No topic in use has the code “{code}” (see “kansli-desk topics list”).</source>
        <translation>Inget ämne som används har koden ”{code}” (se ”kansli-desk topics list”).</translation>
    </message>
    <message>
        <source>{option} {value} is not a date. Write the date as YYYY-MM-DD.</source>
        <translation>{option} {value} är inget datum. Skriv datumet som ÅÅÅÅ-MM-DD.</translation>
    </message>
    <message>
        <source>Enter a personnummer, a samordningsnummer or a birth date.</source>
        <translation>Skriv ett personnummer, ett samordningsnummer eller ett födelsedatum.</translation>
    </message>
    <message>
        <source>Write a personnummer or samordningsnummer as YYYYMMDD-NNNN, or a birth date as YYYY-MM-DD.</source>
        <translation>Skriv personnummer eller samordningsnummer som ÅÅÅÅMMDD-NNNN, eller födelsedatum som ÅÅÅÅ-MM-DD.</translation>
    </message>
    <message>
        <source>The birth date is not a real date (check the month and the day).</source>
        <translation>Födelsedatumet är inget riktigt datum (kontrollera månaden och dagen).</translation>
    </message>
    <message>
        <source>The birth date is in the future.</source>
        <translation>Födelsedatumet ligger i framtiden.</translation>
    </message>
    <message>
        <source>The person was not yet born on {date}: choose a later date.</source>
        <translation>Personen var inte född den {date}: välj ett senare datum.</translation>
    </message>
    <message>
        <source>The file {file} cannot be read: {reason}</source>
        <translation>Filen {file} kan inte läsas: {reason}</translation>
    </message>
    <message>
        <source>The file {file} is {size} MB; at most {limit} MB can be imported at once. Split it into smaller files.</source>
        <translation>Filen {file} är {size} MB; högst {limit} MB kan importeras på en gång. Dela upp den i mindre filer.</translation>
    </message>
    <message>
        <source>The file {file} has more than {limit} rows; split it into smaller files.</source>
        <translation>Filen {file} har fler än {limit} rader; dela upp den i mindre filer.</translation>
    </message>
    <message>
        <source>The file {file} is empty: the first row must name the columns.</source>
        <translation>Filen {file} är tom: första raden ska ange kolumnernas namn.</translation>
    </message>
    <message>
        <source>The file {file} has a header row but no forms.</source>
        <translation>Filen {file} har en rubrikrad men inga blanketter.</translation>
    </message>
    <message>
        <source>The file {file} is not UTF-8 text (line {line}). Save it as “CSV UTF-8” or as an Excel workbook (.xlsx) and try again.</source>
        <translation>Filen {file} är inte UTF-8-text (rad {line}). Spara den som ”CSV UTF-8” eller som Excel-arbetsbok (.xlsx) och försök igen.</translation>
    </message>
    <message>
        <source>The file {file} is not a valid CSV file (row {row}): check its quotation marks.</source>
        <translation>Filen {file} är ingen giltig CSV-fil (rad {row}): kontrollera citattecknen.</translation>
    </message>
    <message>
        <source>The file {file} is in the old Excel format (.xls). Save it as an Excel workbook (.xlsx) or as CSV UTF-8 and try again.</source>
        <translation>Filen {file} har det gamla Excel-formatet (.xls). Spara den som Excel-arbetsbok (.xlsx) eller som CSV UTF-8 och försök igen.</translation>
    </message>
    <message>
        <source>The file {file} is not a valid Excel workbook (.xlsx).</source>
        <translation>Filen {file} är ingen giltig Excel-arbetsbok (.xlsx).</translation>
    </message>
    <message>
        <source>The workbook {file} unpacks to more than {limit} MB; split it into smaller files.</source>
        <translation>Arbetsboken {file} packas upp till mer än {limit} MB; dela upp den i mindre filer.</translation>
    </message>
    <message>
        <source>The header row of {file} lacks the columns {columns}. The first row must name the columns: {expected}.</source>
        <translation>Rubrikraden i {file} saknar kolumnerna {columns}. Första raden ska ange kolumnerna: {expected}.</translation>
    </message>
    <message>
        <source>The header row of {file} names the column {column} twice.</source>
        <translation>Rubrikraden i {file} anger kolumnen {column} två gånger.</translation>
    </message>
    <message>
        <source>The row has {count} cells; the header row has {expected}.</source>
        <translation>Raden har {count} celler; rubrikraden har {expected}.</translation>
    </message>
    <message>
        <source>The date is missing: enter it as YYYY-MM-DD.</source>
        <translation>Datumet saknas: ange det som ÅÅÅÅ-MM-DD.</translation>
    </message>
    <message>
        <source>Write the type as forsegling_lasning, aterstallande, vardnadshavare or minderarig.</source>
        <translation>Skriv typen som forsegling_lasning, aterstallande, vardnadshavare eller minderarig.</translation>
    </message>
    <message>
        <source>Write enskild or personal.</source>
        <translation>Skriv enskild eller personal.</translation>
    </message>
    <message>
        <source>Leave the initiative empty: it applies to forsegling_lasning and aterstallande only.</source>
        <translation>Lämna initiativ tomt: det gäller bara forsegling_lasning och aterstallande.</translation>
    </message>
    <message>
        <source>Write the date as YYYY-MM-DD.</source>
        <translation>Skriv datumet som ÅÅÅÅ-MM-DD.</translation>
    </message>
    <message>
        <source>Write ja or nej.</source>
        <translation>Skriv ja eller nej.</translation>
    </message>
    <message>
        <source>Nothing was imported: {rows} of {total} rows in {file} have problems.</source>
        <translation>Ingenting importerades: {rows} av {total} rader i {file} har fel.</translation>
    </message>
    <message>
        <source>Enter the identity number: personnummer, samordningsnummer or reservnummer.</source>
        <translation>Ange identitetsnumret: personnummer, samordningsnummer eller reservnummer.</translation>
    </message>
    <message>
        <source>This is not a valid personnummer or samordningsnummer. If it is a reservnummer, enter the person&apos;s birth date as well.</source>
        <translation>Detta är inte ett giltigt personnummer eller samordningsnummer. Om det är ett reservnummer, ange även personens födelsedatum.</translation>
    </message>
    <message>
        <source>A reservnummer is written with 4 to 20 letters A–Z, digits and “-”.</source>
        <translation>Ett reservnummer skrivs med 4 till 20 bokstäver A–Z, siffror och ”-”.</translation>
    </message>
    <message>
        <source>The person was not yet born on {date}, the day the form was signed.</source>
        <translation>Personen var ännu inte född den {date}, dagen då blanketten undertecknades.</translation>
    </message>
    <message>
        <source>The person was not yet born on {date}, the day the form arrived.</source>
        <translation>Personen var ännu inte född den {date}, dagen då blanketten kom in.</translation>
    </message>
    <message>
        <source>The same person is entered twice on the form.</source>
        <translation>Samma person är angiven två gånger på blanketten.</translation>
    </message>
    <message>
        <source>Enter the person the order concerns.</source>
        <translation>Ange den person som beställningen gäller.</translation>
    </message>
    <message>
        <source>This order type concerns one person only, with no child or guardian.</source>
        <translation>Den här beställningstypen gäller en enda person, utan barn eller vårdnadshavare.</translation>
    </message>
    <message>
        <source>Enter the child the order concerns.</source>
        <translation>Ange det barn som beställningen gäller.</translation>
    </message>
    <message>
        <source>This order type concerns one child and their guardians: enter them as such.</source>
        <translation>Den här beställningstypen gäller ett barn och dess vårdnadshavare: ange dem som det.</translation>
    </message>
    <message>
        <source>Enter one or two guardians.</source>
        <translation>Ange en eller två vårdnadshavare.</translation>
    </message>
    <message>
        <source>Choose for the child, a guardian or both whether access is given or removed.</source>
        <translation>Välj för barnet, en vårdnadshavare eller båda om tillgång ges eller tas bort.</translation>
    </message>
    <message>
        <source>The child is {age} on {date}. Guardians have access until the child turns {low}; this form is for children aged {low} to {high}.</source>
        <translation>Barnet är {age} år den {date}. Vårdnadshavarna har åtkomst tills barnet fyller {low}; blanketten gäller barn som är {low} till {high} år.</translation>
    </message>
    <message>
        <source>The child is {age} on {date}. From {own} the child has access of their own; this form is for children aged {low} to {high}.</source>
        <translation>Barnet är {age} år den {date}. Från {own} år har barnet egen åtkomst; blanketten gäller barn som är {low} till {high} år.</translation>
    </message>
    <message>
        <source>The child is {age} on {date}. From {own} guardians have no access to remove: the child has access of their own.</source>
        <translation>Barnet är {age} år den {date}. Från {own} år har vårdnadshavarna ingen åtkomst att ta bort: barnet har egen åtkomst.</translation>
    </message>
    <message>
        <source>Choose who asked for the order: the individual or health-care staff.</source>
        <translation>Välj vem som begärde beställningen: den enskilde eller hälso- och sjukvårdspersonal.</translation>
    </message>
    <message>
        <source>Choose what is ordered: sealing Journalen, locking the 1177 login, or both.</source>
        <translation>Välj vad som beställs: försegling av Journalen, låsning av inloggningen till 1177 eller båda.</translation>
    </message>
    <message>
        <source>Choose what is restored: unsealing Journalen, unlocking the 1177 login, or both.</source>
        <translation>Välj vad som återställs: hävd försegling av Journalen, upplåsning av inloggningen till 1177 eller båda.</translation>
    </message>
    <message>
        <source>A measure was chosen that does not belong to this order type.</source>
        <translation>En åtgärd är vald som inte hör till den här beställningstypen.</translation>
    </message>
    <message>
        <source>The measures do not match the access given or removed for each person.</source>
        <translation>Åtgärderna stämmer inte med den tillgång som ges eller tas bort för varje person.</translation>
    </message>
    <message>
        <source>Choose what the seal covers.</source>
        <translation>Välj vad försegling omfattar.</translation>
    </message>
    <message>
        <source>Enter the care unit or care provider that the seal covers.</source>
        <translation>Ange den vårdenhet eller vårdgivare som förseglingen omfattar.</translation>
    </message>
    <message>
        <source>Enter the first day of the period the seal covers.</source>
        <translation>Ange första dagen i den period som förseglingen omfattar.</translation>
    </message>
    <message>
        <source>Enter the last day of the period the seal covers.</source>
        <translation>Ange sista dagen i den period som förseglingen omfattar.</translation>
    </message>
    <message>
        <source>The period ends before it begins: the last day must not be before the first.</source>
        <translation>Perioden slutar innan den börjar: sista dagen får inte vara före den första.</translation>
    </message>
    <message>
        <source>The arrival date is in the future: check the date.</source>
        <translation>Ankomstdatumet ligger i framtiden: kontrollera datumet.</translation>
    </message>
    <message>
        <source>The signing date is in the future: check the date.</source>
        <translation>Underskriftsdatumet ligger i framtiden: kontrollera datumet.</translation>
    </message>
    <message>
        <source>Enter the date the form was signed.</source>
        <translation>Ange datumet då blanketten undertecknades.</translation>
    </message>
    <message>
        <source>The form cannot have arrived before it was signed ({date}): check both dates.</source>
        <translation>Blanketten kan inte ha kommit in innan den undertecknades ({date}): kontrollera båda datumen.</translation>
    </message>
    <message>
        <source>Enter the name of the person who ordered.</source>
        <translation>Ange namnet på den som beställde.</translation>
    </message>
    <message>
        <source>Enter the orderer&apos;s care unit.</source>
        <translation>Ange beställarens vårdenhet.</translation>
    </message>
    <message>
        <source>Enter the head of operations (verksamhetschef) who decided the order.</source>
        <translation>Ange den verksamhetschef som beslutade om beställningen.</translation>
    </message>
    <message>
        <source>The text is {length} characters long; at most {limit} are allowed.</source>
        <translation>Texten är {length} tecken lång; högst {limit} tecken är tillåtna.</translation>
    </message>
    <message>
        <source>Enter who phoned IT-Vårdsystemsupport.</source>
        <translation>Ange vem som ringde IT-Vårdsystemsupport.</translation>
    </message>
    <message>
        <source>Enter when IT-Vårdsystemsupport was phoned.</source>
        <translation>Ange när IT-Vårdsystemsupport ringdes.</translation>
    </message>
    <message>
        <source>The time IT-Vårdsystemsupport was phoned is in the future.</source>
        <translation>Tidpunkten då IT-Vårdsystemsupport ringdes ligger i framtiden.</translation>
    </message>
    <message>
        <source>Someone else changed this form while you had it open. Open it again to see their changes, then make yours.</source>
        <translation>Någon annan ändrade blanketten medan du hade den öppen. Öppna den igen för att se deras ändringar och gör sedan dina.</translation>
    </message>
    <message>
        <source>The form no longer exists.</source>
        <translation>Blanketten finns inte längre.</translation>
    </message>
    <message>
        <source>The form can no longer be corrected: it is “{status}”. Forms can be corrected until they are forwarded.</source>
        <translation>Blanketten kan inte längre rättas: den är ”{status}”. Blanketter kan rättas tills de har vidarebefordrats.</translation>
    </message>
    <message>
        <source>A form that is “{from_status}” cannot be moved to “{to_status}”.</source>
        <translation>En blankett som är ”{from_status}” kan inte flyttas till ”{to_status}”.</translation>
    </message>
    <message>
        <source>The form is not signed: until a signed form arrives it can only be sent back for completion, cancelled or rejected.</source>
        <translation>Blanketten är inte undertecknad: tills en undertecknad blankett kommer in kan den bara skickas tillbaka för komplettering, makuleras eller avvisas.</translation>
    </message>
    <message>
        <source>An urgent form can be forwarded only after IT-Vårdsystemsupport was phoned: record when and by whom first.</source>
        <translation>En brådskande blankett kan vidarebefordras först när IT-Vårdsystemsupport har ringts: ange först när och av vem.</translation>
    </message>
    <message>
        <source>The child is {age} today: the order is for children aged {low} to {high} and can no longer be carried out. Reject the form or ask the unit for a new one.</source>
        <translation>Barnet är {age} år i dag: beställningen gäller barn som är {low} till {high} år och kan inte längre utföras. Avvisa blanketten eller be enheten om en ny.</translation>
    </message>
    <message>
        <source>The child is {age} today: from {own} guardians have no access to remove. Reject the form or ask the unit for a new one.</source>
        <translation>Barnet är {age} år i dag: från {own} år har vårdnadshavarna ingen åtkomst att ta bort. Avvisa blanketten eller be enheten om en ny.</translation>
    </message>
    <message>
        <source>The comment is {length} characters long; at most {limit} are allowed.</source>
        <translation>Kommentaren är {length} tecken lång; högst {limit} tecken är tillåtna.</translation>
    </message>
    <message>
        <source>A confirmation can be sent once the order has been executed.</source>
        <translation>En bekräftelse kan skickas när beställningen har utförts.</translation>
    </message>
    <message>
        <source>Attach the scan as a PDF, PNG or JPEG file; this file is none of them (its content was checked, not its name).</source>
        <translation>Bifoga den inskannade blanketten som PDF-, PNG- eller JPEG-fil; den här filen är ingen av dem (innehållet kontrollerades, inte namnet).</translation>
    </message>
    <message>
        <source>The file is {size} MB; at most {limit} MB can be attached.</source>
        <translation>Filen är {size} MB; högst {limit} MB kan bifogas.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Filen är tom.</translation>
    </message>
    <message>
        <source>The attachment no longer exists.</source>
        <translation>Bilagan finns inte längre.</translation>
    </message>
    <message>
        <source>Nothing was purged: confirm with --yes (or run the command on a terminal to be asked). See first what would go with --dry-run.</source>
        <translation>Ingenting gallrades: bekräfta med --yes (eller kör kommandot i en terminal för att få frågan). Se först vad som skulle gallras med --dry-run.</translation>
    </message>
    <message>
        <source>Give --call-months N, --form-years N or both.</source>
        <translation>Ange --call-months N, --form-years N eller båda.</translation>
    </message>
    <message>
        <source>Only a supervisor can read the audit log about people.</source>
        <translation>Endast en chef kan läsa loggen om personer.</translation>
    </message>
    <message>
        <source>Enter the identity number of the person: personnummer, samordningsnummer or reservnummer.</source>
        <translation>Ange personens identitetsnummer: personnummer, samordningsnummer eller reservnummer.</translation>
    </message>
    <message>
        <source>This is neither a valid personnummer or samordningsnummer nor a reservnummer (4 to 20 letters A–Z, digits and “-”).</source>
        <translation>Detta är varken ett giltigt personnummer eller samordningsnummer eller ett reservnummer (4 till 20 bokstäver A–Z, siffror och ”-”).</translation>
    </message>
    <message>
        <source>The period starts ({date_from}) after it ends ({date_to}). Swap the dates.</source>
        <translation>Perioden börjar ({date_from}) efter att den slutar ({date_to}). Byt plats på datumen.</translation>
    </message>
    <message>
        <source>The sample size must be a whole number from 1 to {limit}.</source>
        <translation>Stickprovets storlek måste vara ett heltal från 1 till {limit}.</translation>
    </message>
    <message>
        <source>“kansli-desk backup” copies a local SQLite file only. Back up the shared PostgreSQL database with pg_dump on a machine that can reach the server: {command} (restore it into an empty database with pg_restore).</source>
        <translation>”kansli-desk backup” kopierar bara en lokal SQLite-fil. Säkerhetskopiera den delade PostgreSQL-databasen med pg_dump på en dator som når servern: {command} (återställ den i en tom databas med pg_restore).</translation>
    </message>
    <message>
        <source>A database in memory cannot be backed up.</source>
        <translation>En databas i minnet kan inte säkerhetskopieras.</translation>
    </message>
    <message>
        <source>The database file {path} does not exist; there is nothing to back up.</source>
        <translation>Databasfilen {path} finns inte; det finns inget att säkerhetskopiera.</translation>
    </message>
    <message>
        <source>The file {path} is not a Kansli Desk database; nothing was copied.</source>
        <translation>Filen {path} är ingen Kansli Desk-databas; ingenting kopierades.</translation>
    </message>
    <message>
        <source>The database file {path} cannot be read ({detail}); nothing was copied.</source>
        <translation>Databasfilen {path} kan inte läsas ({detail}); ingenting kopierades.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist; no backup was written.</source>
        <translation>Mappen {folder} finns inte; ingen säkerhetskopia skrevs.</translation>
    </message>
    <message>
        <source>{path} is a folder. Give the name of the backup file to write.</source>
        <translation>{path} är en mapp. Ange namnet på säkerhetskopians fil.</translation>
    </message>
    <message>
        <source>The file {path} already exists and was left as it is. Choose another name, or add --replace to replace it.</source>
        <translation>Filen {path} finns redan och lämnades orörd. Välj ett annat namn eller lägg till --replace för att ersätta den.</translation>
    </message>
    <message>
        <source>The backup cannot be written over the database itself ({path}).</source>
        <translation>Säkerhetskopian kan inte skrivas över själva databasen ({path}).</translation>
    </message>
    <message>
        <source>The backup cannot be written to {folder} ({detail}); no backup was written.</source>
        <translation>Säkerhetskopian kan inte skrivas i {folder} ({detail}); ingen säkerhetskopia skrevs.</translation>
    </message>
    <message>
        <source>The backup of {path} failed ({detail}); no backup was written.</source>
        <translation>Säkerhetskopieringen av {path} misslyckades ({detail}); ingen säkerhetskopia skrevs.</translation>
    </message>
    <message>
        <source>The copy of {path} failed its integrity check ({detail}); no backup was written. The database itself may be damaged: keep the older backups.</source>
        <translation>Kopian av {path} klarade inte integritetskontrollen ({detail}); ingen säkerhetskopia skrevs. Själva databasen kan vara skadad: spara de äldre säkerhetskopiorna.</translation>
    </message>
    <message>
        <source>Only a supervisor can export records.</source>
        <translation>Endast en chef kan exportera uppgifter.</translation>
    </message>
    <message>
        <source>Only a supervisor can export records with unmasked identity numbers.</source>
        <translation>Endast en chef kan exportera uppgifter med omaskerade personnummer.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist. Choose an existing folder.</source>
        <translation>Mappen {folder} finns inte. Välj en mapp som finns.</translation>
    </message>
    <message>
        <source>Files cannot be saved in the folder {folder}. Choose another folder.</source>
        <translation>Det går inte att spara filer i mappen {folder}. Välj en annan mapp.</translation>
    </message>
    <message>
        <source>{file} is a folder. Give the name of the file to write.</source>
        <translation>{file} är en mapp. Ange namnet på filen som ska skrivas.</translation>
    </message>
    <message>
        <source>The file {file} exists and cannot be replaced. Choose another name.</source>
        <translation>Filen {file} finns redan och kan inte ersättas. Välj ett annat namn.</translation>
    </message>
    <message>
        <source>This export has no column “{column}”.</source>
        <translation>Exporten har ingen kolumn ”{column}”.</translation>
    </message>
    <message>
        <source>Choose at least one column to export.</source>
        <translation>Välj minst en kolumn att exportera.</translation>
    </message>
    <message>
        <source>The CSV separator must be “;” or “,”.</source>
        <translation>Avgränsaren i CSV-filen måste vara ”;” eller ”,”.</translation>
    </message>
    <message>
        <source>No calls were logged from {date_from} to {date_to}. Nothing was exported.</source>
        <translation>Inga samtal loggades från {date_from} till {date_to}. Ingenting exporterades.</translation>
    </message>
    <message>
        <source>No forms arrived from {date_from} to {date_to}. Nothing was exported.</source>
        <translation>Inga blanketter kom in från {date_from} till {date_to}. Ingenting exporterades.</translation>
    </message>
    <message>
        <source>The audit log has no events from {date_from} to {date_to}. Nothing was exported.</source>
        <translation>Loggen har inga händelser från {date_from} till {date_to}. Ingenting exporterades.</translation>
    </message>
    <message>
        <source>The export was cancelled. No file was written.</source>
        <translation>Exporten avbröts. Ingen fil skrevs.</translation>
    </message>
    <message>
        <source>The file {file} could not be written ({reason}). No file was saved.</source>
        <translation>Filen {file} kunde inte skrivas ({reason}). Ingen fil sparades.</translation>
    </message>
    <message>
        <source>Only a supervisor can purge old data or change how long data is kept.</source>
        <translation>Bara en chef kan gallra gamla uppgifter eller ändra hur länge uppgifter sparas.</translation>
    </message>
    <message>
        <source>Give the months to keep call details as a whole number from {low} to {high}.</source>
        <translation>Ange hur många månader samtalsuppgifter sparas, som ett heltal från {low} till {high}.</translation>
    </message>
    <message>
        <source>Give the years to keep closed forms as a whole number from {low} to {high}.</source>
        <translation>Ange hur många år avslutade blanketter sparas, som ett heltal från {low} till {high}.</translation>
    </message>
    <message>
        <source>The retention setting {key} stored in the database is not valid; nothing was purged. A supervisor can set it again with “kansli-desk retention set”.</source>
        <translation>Gallringsinställningen {key} i databasen är ogiltig; ingenting gallrades. En chef kan ange den på nytt med ”kansli-desk retention set”.</translation>
    </message>
    <message>
        <source>The period ends before it begins: the last day ({date_to}) is before the first ({date_from}).</source>
        <translation>Perioden slutar innan den börjar: sista dagen ({date_to}) är före den första ({date_from}).</translation>
    </message>
    <message>
        <source>There is no user with the login {username}.</source>
        <translation>Det finns ingen användare med inloggningen {username}.</translation>
    </message>
    <message>
        <source>{username} is the last supervisor. Make someone else a supervisor first, so that someone can still administer users.</source>
        <translation>{username} är den sista chefen. Gör först någon annan till chef, så att någon fortfarande kan administrera användarna.</translation>
    </message>
    <message>
        <source>Enter the login of the new user.</source>
        <translation>Skriv den nya användarens inloggning.</translation>
    </message>
    <message>
        <source>A login cannot contain spaces or other invisible characters.</source>
        <translation>En inloggning får inte innehålla mellanslag eller andra osynliga tecken.</translation>
    </message>
    <message>
        <source>A login can be at most {limit} characters long.</source>
        <translation>En inloggning får vara högst {limit} tecken lång.</translation>
    </message>
    <message>
        <source>There is already a user with the login {username}.</source>
        <translation>Det finns redan en användare med inloggningen {username}.</translation>
    </message>
    <message>
        <source>A name can be at most {limit} characters long.</source>
        <translation>Ett namn får vara högst {limit} tecken långt.</translation>
    </message>
    <message>
        <source>A name cannot contain invisible characters. Type it again.</source>
        <translation>Ett namn får inte innehålla osynliga tecken. Skriv det igen.</translation>
    </message>
    <message>
        <source>You cannot deactivate your own login. Ask another supervisor to do it.</source>
        <translation>Du kan inte inaktivera din egen inloggning. Be en annan chef att göra det.</translation>
    </message>
    <message>
        <source>The login {username} has been deactivated in Kansli Desk. Ask a supervisor to reactivate it.</source>
        <translation>Inloggningen {username} har inaktiverats i Kansli Desk. Be en chef att återaktivera den.</translation>
    </message>
    <message>
        <source>“{role}” is not a role. Choose one of: {choices}.</source>
        <translation>”{role}” är ingen roll. Välj en av: {choices}.</translation>
    </message>
    <message>
        <source>The database login {login} may not create roles or grant access to the tables. Run this as the owner of the database or as a superuser.</source>
        <translation>Databasinloggningen {login} får inte skapa roller eller ge åtkomst till tabellerna. Kör detta som databasens ägare eller som superanvändare.</translation>
    </message>
    <message>
        <source>Database roles exist only on PostgreSQL. On a local SQLite file the operating-system user is the user, and the file is readable by that user only.</source>
        <translation>Databasroller finns bara i PostgreSQL. I en lokal SQLite-fil är operativsystemets användare användaren, och filen kan bara läsas av den användaren.</translation>
    </message>
    <message>
        <source>“{login}” cannot be a database login: use letters a–z, digits, “_”, “.”, “@” or “-”, starting with a letter or “_” (at most 63 characters).</source>
        <translation>”{login}” kan inte vara en databasinloggning: använd bokstäverna a–z, siffror, ”_”, ”.”, ”@” eller ”-” och börja med en bokstav eller ”_” (högst 63 tecken).</translation>
    </message>
    <message>
        <source>“{login}” is one of the program&apos;s group roles; give each person a login of their own.</source>
        <translation>”{login}” är en av programmets grupproller; ge varje person en egen inloggning.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Exportera</translation>
    </message>
    <message>
        <source>Exports the records of a period to a file that opens in Excel. Every export is recorded in the audit log.</source>
        <translation>Exporterar en periods poster till en fil som öppnas i Excel. Varje export registreras i granskningsloggen.</translation>
    </message>
    <message>
        <source>What to export</source>
        <translation>Vad som ska exporteras</translation>
    </message>
    <message>
        <source>Call log</source>
        <translation>Samtalslogg</translation>
    </message>
    <message>
        <source>Form register</source>
        <translation>Blankettregister</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Granskningslogg</translation>
    </message>
    <message>
        <source>Columns to export</source>
        <translation>Kolumner att exportera</translation>
    </message>
    <message>
        <source>&amp;All</source>
        <translation>&amp;Alla</translation>
    </message>
    <message>
        <source>Check every column</source>
        <translation>Markera alla kolumner</translation>
    </message>
    <message>
        <source>&amp;None</source>
        <translation>&amp;Inga</translation>
    </message>
    <message>
        <source>Uncheck every column</source>
        <translation>Avmarkera alla kolumner</translation>
    </message>
    <message>
        <source>File format</source>
        <translation>Filformat</translation>
    </message>
    <message>
        <source>CSV (opens in Excel)</source>
        <translation>CSV (öppnas i Excel)</translation>
    </message>
    <message>
        <source>Excel workbook (XLSX)</source>
        <translation>Excel-arbetsbok (XLSX)</translation>
    </message>
    <message>
        <source>PDF report (statistics and charts)</source>
        <translation>PDF-rapport (statistik och diagram)</translation>
    </message>
    <message>
        <source>CSV separator</source>
        <translation>Avgränsare i CSV</translation>
    </message>
    <message>
        <source>Semicolon (;), for Swedish Excel</source>
        <translation>Semikolon (;), för svenskt Excel</translation>
    </message>
    <message>
        <source>Comma (,)</source>
        <translation>Komma (,)</translation>
    </message>
    <message>
        <source>&amp;Mask personnummer (the last four digits hidden)</source>
        <translation>&amp;Maskera personnummer (de fyra sista siffrorna döljs)</translation>
    </message>
    <message>
        <source>Mask personnummer</source>
        <translation>Maskera personnummer</translation>
    </message>
    <message>
        <source>Only a supervisor can export unmasked personnummer.</source>
        <translation>Bara en chef kan exportera omaskerade personnummer.</translation>
    </message>
    <message>
        <source>The file will hold full personnummer. The export is recorded as unmasked in the audit log. Keep the file safe and delete it when it is no longer needed.</source>
        <translation>Filen kommer att innehålla fullständiga personnummer. Exporten registreras som omaskerad i granskningsloggen. Förvara filen säkert och radera den när den inte längre behövs.</translation>
    </message>
    <message>
        <source>File to write</source>
        <translation>Fil att skriva</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Bläddra…</translation>
    </message>
    <message>
        <source>Choose the file to write</source>
        <translation>Välj filen att skriva</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Exportens förlopp</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportera</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>&amp;Vad:</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>Co&amp;lumns:</source>
        <translation>&amp;Kolumner:</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>F&amp;ormat:</translation>
    </message>
    <message>
        <source>&amp;Separator:</source>
        <translation>Avgränsa&amp;re:</translation>
    </message>
    <message>
        <source>Personnummer:</source>
        <translation>Personnummer:</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>Fi&amp;l:</translation>
    </message>
    <message>
        <source>calls</source>
        <translation>samtal</translation>
    </message>
    <message>
        <source>forms</source>
        <translation>blanketter</translation>
    </message>
    <message>
        <source>audit-log</source>
        <translation>granskningslogg</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel-arbetsböcker (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportera till</translation>
    </message>
    <message>
        <source>No database is open.</source>
        <translation>Ingen databas är öppen.</translation>
    </message>
    <message>
        <source>Give the file to write.</source>
        <translation>Ange filen som ska skrivas.</translation>
    </message>
    <message>
        <source>Exporting to {file}…</source>
        <translation>Exporterar till {file}…</translation>
    </message>
    <message>
        <source>{done} of {total} rows</source>
        <translation>{done} av {total} rader</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klart</translation>
    </message>
    <message>
        <source>Exported {rows} rows to {file}.</source>
        <translation>Exporterade {rows} rader till {file}.</translation>
    </message>
    <message>
        <source>The export failed because of an unexpected error. No file was written.</source>
        <translation>Exporten misslyckades på grund av ett oväntat fel. Ingen fil skrevs.</translation>
    </message>
    <message>
        <source>Cancelling the export…</source>
        <translation>Avbryter exporten…</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Paper form</source>
        <translation>Pappersblankett</translation>
    </message>
    <message>
        <source>New paper form</source>
        <translation>Ny pappersblankett</translation>
    </message>
    <message>
        <source>Correcting {number}</source>
        <translation>Rättar {number}</translation>
    </message>
    <message>
        <source>{number} – {status}</source>
        <translation>{number} – {status}</translation>
    </message>
    <message>
        <source>Throw away the form</source>
        <translation>Kasta blanketten</translation>
    </message>
    <message>
        <source>Throw away what you typed? It is not saved.</source>
        <translation>Kasta det du har skrivit? Det är inte sparat.</translation>
    </message>
</context>
<context>
    <name>FormEntry</name>
    <message>
        <source>Order type</source>
        <translation>Beställningstyp</translation>
    </message>
    <message>
        <source>Choose the type of the paper form…</source>
        <translation>Välj typ av pappersblankett…</translation>
    </message>
    <message>
        <source>On whose initiative</source>
        <translation>På vems initiativ</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Välj…</translation>
    </message>
    <message>
        <source>What the seal covers</source>
        <translation>Vad förseglingen omfattar</translation>
    </message>
    <message>
        <source>Care unit or care provider sealed</source>
        <translation>Vårdenhet eller vårdgivare som förseglas</translation>
    </message>
    <message>
        <source>Sealed period from</source>
        <translation>Förseglad period från</translation>
    </message>
    <message>
        <source>Sealed period to</source>
        <translation>Förseglad period till</translation>
    </message>
    <message>
        <source>Guardian 1</source>
        <translation>Vårdnadshavare 1</translation>
    </message>
    <message>
        <source>Guardian 2 (if any)</source>
        <translation>Vårdnadshavare 2 (om det finns)</translation>
    </message>
    <message>
        <source>Orderer&apos;s name</source>
        <translation>Beställarens namn</translation>
    </message>
    <message>
        <source>Orderer&apos;s title</source>
        <translation>Beställarens befattning</translation>
    </message>
    <message>
        <source>Orderer&apos;s care unit</source>
        <translation>Beställarens vårdenhet</translation>
    </message>
    <message>
        <source>Orderer&apos;s phone</source>
        <translation>Beställarens telefon</translation>
    </message>
    <message>
        <source>Head of operations who decided</source>
        <translation>Verksamhetschef som beslutade</translation>
    </message>
    <message>
        <source>e.g. nurse, physician</source>
        <translation>t.ex. sjuksköterska, läkare</translation>
    </message>
    <message>
        <source>Date the form was signed</source>
        <translation>Datum då blanketten undertecknades</translation>
    </message>
    <message>
        <source>Date it arrived by internal mail</source>
        <translation>Datum då den kom med internposten</translation>
    </message>
    <message>
        <source>Signe&amp;d by the head of operations</source>
        <translation>Undertec&amp;knad av verksamhetschefen</translation>
    </message>
    <message>
        <source>The form is signed</source>
        <translation>Blanketten är undertecknad</translation>
    </message>
    <message>
        <source>&amp;Urgent</source>
        <translation>&amp;Akut</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Akut</translation>
    </message>
    <message>
        <source>IT-Vårdsystemsupport &amp;phoned</source>
        <translation>&amp;Ringt IT-Vårdsystemsupport</translation>
    </message>
    <message>
        <source>IT-Vårdsystemsupport has been phoned</source>
        <translation>IT-Vårdsystemsupport har ringts</translation>
    </message>
    <message>
        <source>When IT-Vårdsystemsupport was phoned</source>
        <translation>När IT-Vårdsystemsupport ringdes</translation>
    </message>
    <message>
        <source>Who phoned IT-Vårdsystemsupport</source>
        <translation>Vem som ringde IT-Vårdsystemsupport</translation>
    </message>
    <message>
        <source>Who phoned</source>
        <translation>Vem som ringde</translation>
    </message>
    <message>
        <source>An urgent form is forwarded only after IT-Vårdsystemsupport was phoned.</source>
        <translation>En akut blankett vidarebefordras först när IT-Vårdsystemsupport har ringts.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>What is missing, who was contacted, anything the next clerk must know.</source>
        <translation>Vad som saknas, vem som kontaktats, allt som nästa handläggare behöver veta.</translation>
    </message>
    <message>
        <source>No medical details: write about the form and its handling, never about health.</source>
        <translation>Inga medicinska uppgifter: skriv om blanketten och handläggningen, aldrig om hälsa.</translation>
    </message>
    <message>
        <source>&amp;Save (Ctrl+S)</source>
        <translation>&amp;Spara (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save the form</source>
        <translation>Spara blanketten</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Avbryt (Esc)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>The order</source>
        <translation>Beställningen</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <source>&amp;Initiative:</source>
        <translation>&amp;Initiativ:</translation>
    </message>
    <message>
        <source>Measures:</source>
        <translation>Åtgärder:</translation>
    </message>
    <message>
        <source>Measure:</source>
        <translation>Åtgärd:</translation>
    </message>
    <message>
        <source>Sc&amp;ope of the seal:</source>
        <translation>&amp;Omfattning:</translation>
    </message>
    <message>
        <source>Care unit:</source>
        <translation>Vårdenhet:</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>Personer</translation>
    </message>
    <message>
        <source>Identity no.:</source>
        <translation>Personnr:</translation>
    </message>
    <message>
        <source>Birth date:</source>
        <translation>Födelsedatum:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Namn:</translation>
    </message>
    <message>
        <source>Access:</source>
        <translation>Åtkomst:</translation>
    </message>
    <message>
        <source>Orderer and decision</source>
        <translation>Beställare och beslut</translation>
    </message>
    <message>
        <source>O&amp;rderer:</source>
        <translation>&amp;Beställare:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Befattning:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Telefon:</translation>
    </message>
    <message>
        <source>&amp;Head of operations:</source>
        <translation>&amp;Verksamhetschef:</translation>
    </message>
    <message>
        <source>Dates, signature, urgency</source>
        <translation>Datum, underskrift, akut</translation>
    </message>
    <message>
        <source>Si&amp;gned on:</source>
        <translation>Un&amp;derskriven:</translation>
    </message>
    <message>
        <source>Re&amp;ceived on:</source>
        <translation>&amp;Mottagen:</translation>
    </message>
    <message>
        <source>IT support:</source>
        <translation>IT-support:</translation>
    </message>
    <message>
        <source>&amp;Note (optional)</source>
        <translation>A&amp;nteckning (frivillig)</translation>
    </message>
    <message>
        <source>{person}: identity number</source>
        <translation>{person}: personnummer</translation>
    </message>
    <message>
        <source>YYYYMMDD-NNNN</source>
        <translation>ÅÅÅÅMMDD-NNNN</translation>
    </message>
    <message>
        <source>Reserve number</source>
        <translation>Reservnummer</translation>
    </message>
    <message>
        <source>{person}: the number is a reserve number</source>
        <translation>{person}: numret är ett reservnummer</translation>
    </message>
    <message>
        <source>A reserve number is not checked; the birth date must be given.</source>
        <translation>Ett reservnummer kontrolleras inte; födelsedatumet måste anges.</translation>
    </message>
    <message>
        <source>{person}: birth date</source>
        <translation>{person}: födelsedatum</translation>
    </message>
    <message>
        <source>{person}: name</source>
        <translation>{person}: namn</translation>
    </message>
    <message>
        <source>As on the form (optional)</source>
        <translation>Som på blanketten (frivilligt)</translation>
    </message>
    <message>
        <source>{person}: access to the minor&apos;s record</source>
        <translation>{person}: tillgång till den minderårigas journal</translation>
    </message>
    <message>
        <source>No change</source>
        <translation>Ingen ändring</translation>
    </message>
    <message>
        <source>Give access</source>
        <translation>Ge tillgång</translation>
    </message>
    <message>
        <source>Remove access</source>
        <translation>Ta bort tillgång</translation>
    </message>
    <message>
        <source>Give or remove access to the record, per person below.</source>
        <translation>Ge eller ta bort tillgång till journalen, per person nedan.</translation>
    </message>
    <message>
        <source>13–15 years on the signing date</source>
        <translation>13–15 år på underskriftsdagen</translation>
    </message>
    <message>
        <source>under 16 on the signing date</source>
        <translation>under 16 år på underskriftsdagen</translation>
    </message>
    <message>
        <source>Care provider:</source>
        <translation>Vårdgivare:</translation>
    </message>
    <message>
        <source>Valid {kind}; shown masked.</source>
        <translation>Giltigt {kind}; visas maskerat.</translation>
    </message>
    <message>
        <source>New paper form</source>
        <translation>Ny pappersblankett</translation>
    </message>
    <message>
        <source>Correcting {number}</source>
        <translation>Rättar {number}</translation>
    </message>
    <message>
        <source>Correcting</source>
        <translation>Rättar</translation>
    </message>
    <message>
        <source>continued from an unsaved draft</source>
        <translation>fortsatt från ett osparat utkast</translation>
    </message>
    <message>
        <source>The draft could not be saved ({error}); save the form soon.</source>
        <translation>Utkastet kunde inte sparas ({error}); spara blanketten snart.</translation>
    </message>
    <message>
        <source>Draft kept on this computer until saved.</source>
        <translation>Utkastet sparas på den här datorn tills blanketten är sparad.</translation>
    </message>
    <message>
        <source>Write the date as YYYY-MM-DD.</source>
        <translation>Skriv datumet som ÅÅÅÅ-MM-DD.</translation>
    </message>
    <message>
        <source>Enter the date the form arrived.</source>
        <translation>Ange datumet då blanketten kom in.</translation>
    </message>
    <message>
        <source>Choose the type of the form.</source>
        <translation>Välj typ av blankett.</translation>
    </message>
    <message>
        <source>{number}, {type}, received {date}, {status}, {person}</source>
        <translation>{number}, {type}, mottagen {date}, {status}, {person}</translation>
    </message>
    <message>
        <source>This may be a duplicate.</source>
        <translation>Detta kan vara en dubblett.</translation>
    </message>
    <message>
        <source>The same person has an open form of the same type, or one received in the last 30 days:</source>
        <translation>Samma person har en öppen blankett av samma typ, eller en som kommit in de senaste 30 dagarna:</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Möjlig dubblett</translation>
    </message>
    <message>
        <source>This form looks like a form already in the register (shown above the form). Save it anyway?</source>
        <translation>Blanketten liknar en blankett som redan finns i registret (visas ovanför blanketten). Spara den ändå?</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>Spara ändå</translation>
    </message>
    <message>
        <source>Go back to the form</source>
        <translation>Tillbaka till blanketten</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>Åtgärder</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <source>Someone else changed this form after you opened it, so your corrections were not saved. Choose which version to keep.</source>
        <translation>Någon annan ändrade blanketten efter att du öppnade den, så dina rättelser sparades inte. Välj vilken version som ska gälla.</translation>
    </message>
    <message>
        <source>Your version of the form</source>
        <translation>Din version av blanketten</translation>
    </message>
    <message>
        <source>Their version is loaded. Your values were copied to the clipboard.</source>
        <translation>Den andras version är inläst. Dina värden har kopierats till urklipp.</translation>
    </message>
    <message>
        <source>Not saved: someone else changed this form. Saving again shows both versions once more.</source>
        <translation>Inte sparat: någon annan har ändrat blanketten. Spara igen för att jämföra versionerna på nytt.</translation>
    </message>
</context>
<context>
    <name>FormImportDialog</name>
    <message>
        <source>Import the old form register</source>
        <translation>Importera det gamla blankettregistret</translation>
    </message>
    <message>
        <source>A CSV file (UTF-8, separated by “;” or “,”) or an XLSX file with a header row with these columns: {columns}. Every row is checked by the rules of a form entered by hand; if any row fails, nothing is imported.</source>
        <translation>En CSV-fil (UTF-8, avgränsad med ”;” eller ”,”) eller en XLSX-fil med en rubrikrad med de här kolumnerna: {columns}. Varje rad kontrolleras med samma regler som en blankett som skrivs in för hand; är någon rad fel importeras ingenting.</translation>
    </message>
    <message>
        <source>Problems found in the file</source>
        <translation>Fel som hittades i filen</translation>
    </message>
    <message>
        <source>&amp;Choose a file…</source>
        <translation>&amp;Välj fil…</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>Välj filen som ska importeras</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importera</translation>
    </message>
    <message>
        <source>Import the forms</source>
        <translation>Importera blanketterna</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Stäng (Esc)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Registers (*.csv *.xlsx)</source>
        <translation>Register (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Checking {file}…</source>
        <translation>Kontrollerar {file}…</translation>
    </message>
    <message>
        <source>Nothing can be imported yet.</source>
        <translation>Inget kan importeras ännu.</translation>
    </message>
    <message>
        <source>{rows} of the {total} rows in {file} break rules:</source>
        <translation>{rows} av de {total} raderna i {file} bryter mot reglerna:</translation>
    </message>
    <message>
        <source>All {count} forms in {file} can be imported.</source>
        <translation>Alla {count} blanketter i {file} kan importeras.</translation>
    </message>
    <message>
        <source>Row {row}, column {column}: {reason}</source>
        <translation>Rad {row}, kolumn {column}: {reason}</translation>
    </message>
    <message>
        <source>Row {row}: {reason}</source>
        <translation>Rad {row}: {reason}</translation>
    </message>
    <message>
        <source>… and {count} more problems.</source>
        <translation>… och {count} fel till.</translation>
    </message>
    <message>
        <source>Importing {count} forms…</source>
        <translation>Importerar {count} blanketter…</translation>
    </message>
    <message>
        <source>Registered {count} forms ({first} to {last}).</source>
        <translation>{count} blanketter registrerade ({first} till {last}).</translation>
    </message>
    <message>
        <source>The file could not be imported.</source>
        <translation>Filen kunde inte importeras.</translation>
    </message>
</context>
<context>
    <name>FormPrint</name>
    <message>
        <source>Registry number</source>
        <translation>Diarienummer</translation>
    </message>
    <message>
        <source>Order type</source>
        <translation>Beställningstyp</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Received by internal mail</source>
        <translation>Mottagen med internposten</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>Undertecknad den</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Undertecknad</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registrerad</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Akut</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>Åtgärder</translation>
    </message>
    <message>
        <source>Orderer</source>
        <translation>Beställare</translation>
    </message>
    <message>
        <source>Head of operations</source>
        <translation>Verksamhetschef</translation>
    </message>
    <message>
        <source>Scans attached</source>
        <translation>Bifogade skanningar</translation>
    </message>
    <message>
        <source>Receipt: paper form registered</source>
        <translation>Kvitto: pappersblankett registrerad</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historik</translation>
    </message>
    <message>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Vem</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Identity numbers are masked. Keep this sheet on top of the paper form. Printed {time}.</source>
        <translation>Personnumren är maskerade. Lägg det här bladet överst på pappersblanketten. Utskrivet {time}.</translation>
    </message>
    <message>
        <source>Receipt {number}</source>
        <translation>Kvitto {number}</translation>
    </message>
    <message>
        <source>Backup routine: paper order form</source>
        <translation>Reservrutin: beställning på papper</translation>
    </message>
    <message>
        <source>Use this form only while the digital order forms cannot be used. Fill it in clearly, have it signed by the head of operations and send it by internal mail to Regionstab Kansli. If the order is urgent, also phone IT-Vårdsystemsupport.</source>
        <translation>Använd blanketten bara när de digitala beställningsblanketterna inte kan användas. Fyll i den tydligt, låt verksamhetschefen underteckna den och skicka den med internposten till Regionstab Kansli. Är beställningen akut, ring också IT-Vårdsystemsupport.</translation>
    </message>
    <message>
        <source>1. The order</source>
        <translation>1. Beställningen</translation>
    </message>
    <message>
        <source>2. Persons</source>
        <translation>2. Personer</translation>
    </message>
    <message>
        <source>3. Orderer and decision</source>
        <translation>3. Beställare och beslut</translation>
    </message>
    <message>
        <source>4. Urgency</source>
        <translation>4. Akut</translation>
    </message>
    <message>
        <source>For Regionstab Kansli</source>
        <translation>Fylls i av Regionstab Kansli</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Mottagen den</translation>
    </message>
    <message>
        <source>Registered by</source>
        <translation>Registrerad av</translation>
    </message>
    <message>
        <source>On whose initiative</source>
        <translation>På vems initiativ</translation>
    </message>
    <message>
        <source>Measures (one or both)</source>
        <translation>Åtgärder (en eller båda)</translation>
    </message>
    <message>
        <source>Give or remove access to the record of a child aged 13–15, for the child and/or a guardian (below). The child must be 13, 14 or 15 on the signing date.</source>
        <translation>Ge eller ta bort tillgång till journalen för ett barn i åldern 13–15 år, för barnet och/eller en vårdnadshavare (nedan). Barnet måste vara 13, 14 eller 15 år på underskriftsdagen.</translation>
    </message>
    <message>
        <source>from {start} to {end}</source>
        <translation>från {start} till {end}</translation>
    </message>
    <message>
        <source>Scope of the seal</source>
        <translation>Förseglingens omfattning</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Åtgärd</translation>
    </message>
    <message>
        <source>The child must be under 16 on the signing date.</source>
        <translation>Barnet måste vara under 16 år på underskriftsdagen.</translation>
    </message>
    <message>
        <source>Guardian 1</source>
        <translation>Vårdnadshavare 1</translation>
    </message>
    <message>
        <source>Guardian 2 (if any)</source>
        <translation>Vårdnadshavare 2 (om det finns)</translation>
    </message>
    <message>
        <source>Orderer&apos;s name</source>
        <translation>Beställarens namn</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Befattning</translation>
    </message>
    <message>
        <source>Care unit</source>
        <translation>Vårdenhet</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Head of operations (name)</source>
        <translation>Verksamhetschef (namn)</translation>
    </message>
    <message>
        <source>Date signed</source>
        <translation>Datum för underskrift</translation>
    </message>
    <message>
        <source>Signature of the head of operations</source>
        <translation>Verksamhetschefens underskrift</translation>
    </message>
    <message>
        <source>(signed on the original)</source>
        <translation>(undertecknad på originalet)</translation>
    </message>
    <message>
        <source>Pre-filled from {number}: check every value. Identity numbers are printed without their last four digits: write them in by hand.</source>
        <translation>Förifylld från {number}: kontrollera varje uppgift. Personnumren skrivs ut utan de fyra sista siffrorna: fyll i dem för hand.</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Personnummer / samordningsnummer / reservnummer</source>
        <translation>Personnummer / samordningsnummer / reservnummer</translation>
    </message>
    <message>
        <source>Birth date (reservnummer only)</source>
        <translation>Födelsedatum (bara vid reservnummer)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Tillgång</translation>
    </message>
    <message>
        <source>Give</source>
        <translation>Ge</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <source>IT-Vårdsystemsupport phoned (date, time)</source>
        <translation>IT-Vårdsystemsupport ringd (datum, tid)</translation>
    </message>
    <message>
        <source>Phoned by</source>
        <translation>Ringd av</translation>
    </message>
    <message>
        <source>Guardian {number}</source>
        <translation>Vårdnadshavare {number}</translation>
    </message>
    <message>
        <source>access given</source>
        <translation>tillgång ges</translation>
    </message>
    <message>
        <source>access removed</source>
        <translation>tillgång tas bort</translation>
    </message>
</context>
<context>
    <name>FormView</name>
    <message>
        <source>The values of the form</source>
        <translation>Blankettens uppgifter</translation>
    </message>
    <message>
        <source>History of the form</source>
        <translation>Blankettens historik</translation>
    </message>
    <message>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Vem</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Comment on the change</source>
        <translation>Kommentar till ändringen</translation>
    </message>
    <message>
        <source>Comment (optional), saved with the change</source>
        <translation>Kommentar (frivillig), sparas med ändringen</translation>
    </message>
    <message>
        <source>Nothing more to do: the form is finished.</source>
        <translation>Inget mer att göra: blanketten är färdigbehandlad.</translation>
    </message>
    <message>
        <source>Move the form on</source>
        <translation>För blanketten vidare</translation>
    </message>
    <message>
        <source>Scans of the paper form</source>
        <translation>Skanningar av pappersblanketten</translation>
    </message>
    <message>
        <source>&amp;Attach scan…</source>
        <translation>&amp;Bifoga skanning…</translation>
    </message>
    <message>
        <source>Attach a scan</source>
        <translation>Bifoga en skanning</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <source>Show the scan</source>
        <translation>Visa skanningen</translation>
    </message>
    <message>
        <source>Scans</source>
        <translation>Skanningar</translation>
    </message>
    <message>
        <source>Confirmation text</source>
        <translation>Bekräftelsetext</translation>
    </message>
    <message>
        <source>Open in the &amp;mail program</source>
        <translation>Öppna i &amp;e-postprogrammet</translation>
    </message>
    <message>
        <source>Open in the mail program</source>
        <translation>Öppna i e-postprogrammet</translation>
    </message>
    <message>
        <source>Cop&amp;y text</source>
        <translation>K&amp;opiera texten</translation>
    </message>
    <message>
        <source>Copy the text</source>
        <translation>Kopiera texten</translation>
    </message>
    <message>
        <source>Mark as se&amp;nt</source>
        <translation>&amp;Markera som skickad</translation>
    </message>
    <message>
        <source>Mark as sent</source>
        <translation>Markera som skickad</translation>
    </message>
    <message>
        <source>Confirmation</source>
        <translation>Bekräftelse</translation>
    </message>
    <message>
        <source>&amp;Correct… (Ctrl+E)</source>
        <translation>&amp;Rätta… (Ctrl+E)</translation>
    </message>
    <message>
        <source>Correct the values</source>
        <translation>Rätta uppgifterna</translation>
    </message>
    <message>
        <source>Print &amp;receipt…</source>
        <translation>Skriv ut &amp;kvitto…</translation>
    </message>
    <message>
        <source>Print the receipt as PDF</source>
        <translation>Skriv ut kvittot som PDF</translation>
    </message>
    <message>
        <source>&amp;Paper form…</source>
        <translation>&amp;Pappersblankett…</translation>
    </message>
    <message>
        <source>The paper form, pre-filled, as PDF</source>
        <translation>Pappersblanketten, förifylld, som PDF</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Stäng (Esc)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historik</translation>
    </message>
    <message>
        <source>Not registered yet</source>
        <translation>Ännu inte registrerad</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Akut</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Försenad</translation>
    </message>
    <message>
        <source>Not signed</source>
        <translation>Inte undertecknad</translation>
    </message>
    <message>
        <source>Register the form first.</source>
        <translation>Registrera blanketten först.</translation>
    </message>
    <message>
        <source>Forms can be corrected until they are forwarded.</source>
        <translation>Blanketter kan rättas tills de har vidarebefordrats.</translation>
    </message>
    <message>
        <source>Only a registry clerk or a supervisor can change forms.</source>
        <translation>Bara en registrator eller en chef kan ändra blanketter.</translation>
    </message>
    <message>
        <source>Orderer</source>
        <translation>Beställare</translation>
    </message>
    <message>
        <source>Head of operations</source>
        <translation>Verksamhetschef</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>Undertecknad den</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Undertecknad</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Mottagen den</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registrerad</translation>
    </message>
    <message>
        <source>{time} by {who}</source>
        <translation>{time} av {who}</translation>
    </message>
    <message>
        <source>Not yet: phone before forwarding the form.</source>
        <translation>Inte ännu: ring innan blanketten vidarebefordras.</translation>
    </message>
    <message>
        <source>IT-Vårdsystemsupport phoned</source>
        <translation>IT-Vårdsystemsupport ringd</translation>
    </message>
    <message>
        <source>Executed</source>
        <translation>Utförd</translation>
    </message>
    <message>
        <source>Confirmation sent</source>
        <translation>Bekräftelse skickad</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Initiative</source>
        <translation>Initiativ</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>Åtgärder</translation>
    </message>
    <message>
        <source>Scope of the seal</source>
        <translation>Förseglingens omfattning</translation>
    </message>
    <message>
        <source>Guardian {number}</source>
        <translation>Vårdnadshavare {number}</translation>
    </message>
    <message>
        <source>born {date}</source>
        <translation>född {date}</translation>
    </message>
    <message>
        <source>access given</source>
        <translation>tillgång ges</translation>
    </message>
    <message>
        <source>access removed</source>
        <translation>tillgång tas bort</translation>
    </message>
    <message>
        <source>New status: {status}</source>
        <translation>Ny status: {status}</translation>
    </message>
    <message>
        <source>“{step}” is not offered: {reason}</source>
        <translation>”{step}” erbjuds inte: {reason}</translation>
    </message>
    <message>
        <source>Back to received</source>
        <translation>Tillbaka till mottagen</translation>
    </message>
    <message>
        <source>Completed: register again</source>
        <translation>Kompletterad: registrera igen</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Registrera</translation>
    </message>
    <message>
        <source>Request completion</source>
        <translation>Begär komplettering</translation>
    </message>
    <message>
        <source>Forward for execution</source>
        <translation>Vidarebefordra för utförande</translation>
    </message>
    <message>
        <source>Mark as executed</source>
        <translation>Markera som utförd</translation>
    </message>
    <message>
        <source>Mark as confirmed</source>
        <translation>Markera som bekräftad</translation>
    </message>
    <message>
        <source>Close the case</source>
        <translation>Avsluta ärendet</translation>
    </message>
    <message>
        <source>Cancel the form…</source>
        <translation>Makulera blanketten…</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>Avvisa…</translation>
    </message>
    <message>
        <source>{name} ({size}, added {time})</source>
        <translation>{name} ({size}, bifogad {time})</translation>
    </message>
    <message>
        <source>No scan attached yet.</source>
        <translation>Ingen skanning bifogad ännu.</translation>
    </message>
    <message>
        <source>To: {recipients}</source>
        <translation>Till: {recipients}</translation>
    </message>
    <message>
        <source>Subject: {subject}</source>
        <translation>Ämne: {subject}</translation>
    </message>
    <message>
        <source>Sent {time}.</source>
        <translation>Skickad {time}.</translation>
    </message>
    <message>
        <source>Not marked as sent yet.</source>
        <translation>Inte markerad som skickad ännu.</translation>
    </message>
    <message>
        <source>Set the form to “{status}”? It cannot be moved on after that.</source>
        <translation>Sätta blanketten till ”{status}”? Den kan inte föras vidare efter det.</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>Ändrad av någon annan</translation>
    </message>
    <message>
        <source>Someone else changed this form a moment ago, so nothing was changed here. The form has been read again: check it and try again.</source>
        <translation>Någon annan ändrade blanketten nyss, så inget ändrades här. Blanketten har lästs in på nytt: kontrollera den och försök igen.</translation>
    </message>
    <message>
        <source>Text copied.</source>
        <translation>Texten kopierad.</translation>
    </message>
    <message>
        <source>Could not open</source>
        <translation>Kunde inte öppna</translation>
    </message>
    <message>
        <source>No program is set up to open this. Copy the text instead.</source>
        <translation>Inget program är inställt för att öppna detta. Kopiera texten i stället.</translation>
    </message>
    <message>
        <source>Attach a scan of the signed form</source>
        <translation>Bifoga en skanning av den undertecknade blanketten</translation>
    </message>
    <message>
        <source>Scans (PDF, PNG, JPEG) ({patterns})</source>
        <translation>Skanningar (PDF, PNG, JPEG) ({patterns})</translation>
    </message>
    <message>
        <source>The file could not be read: {error}</source>
        <translation>Filen kunde inte läsas: {error}</translation>
    </message>
    <message>
        <source>Save the receipt as PDF</source>
        <translation>Spara kvittot som PDF</translation>
    </message>
    <message>
        <source>Save the paper form as PDF</source>
        <translation>Spara pappersblanketten som PDF</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>Sparad: {path}</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
</context>
<context>
    <name>FormsRegisterPanel</name>
    <message>
        <source>Registry no.</source>
        <translation>Diarienr</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Mottagen</translation>
    </message>
    <message>
        <source>Ove&amp;rdue only</source>
        <translation>Bara &amp;försenade</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&lt;b&gt;Urgent queue&lt;/b&gt;: open urgent forms, oldest first</source>
        <translation>&lt;b&gt;Akutkö&lt;/b&gt;: öppna akuta blanketter, äldst först</translation>
    </message>
    <message>
        <source>&lt;b&gt;All forms&lt;/b&gt;, most recently received first</source>
        <translation>&lt;b&gt;Alla blanketter&lt;/b&gt;, senast mottagna först</translation>
    </message>
    <message>
        <source>urgent</source>
        <translation>akut</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>försenad</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Akut</translation>
    </message>
    <message>
        <source>Identity number</source>
        <translation>Personnummer</translation>
    </message>
    <message>
        <source>&amp;New paper form…</source>
        <translation>&amp;Ny pappersblankett…</translation>
    </message>
    <message>
        <source>&amp;New form (Ctrl+Shift+N)</source>
        <translation>&amp;Ny blankett (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>New paper form</source>
        <translation>Ny pappersblankett</translation>
    </message>
    <message>
        <source>&amp;Blank paper form…</source>
        <translation>&amp;Tom blankett…</translation>
    </message>
    <message>
        <source>Save an empty paper form as PDF</source>
        <translation>Spara en tom pappersblankett som PDF</translation>
    </message>
    <message>
        <source>An empty paper form of each type, for units without their own template</source>
        <translation>En tom pappersblankett av varje typ, för enheter utan egen mall</translation>
    </message>
    <message>
        <source>Im&amp;port the old register…</source>
        <translation>Im&amp;portera gamla registret…</translation>
    </message>
    <message>
        <source>Import the old register from a file</source>
        <translation>Importera det gamla registret från en fil</translation>
    </message>
    <message>
        <source>CSV or XLSX; every row is checked and nothing is imported if one fails</source>
        <translation>CSV eller XLSX; varje rad kontrolleras och inget importeras om någon rad är fel</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alla statusar</translation>
    </message>
    <message>
        <source>Order type</source>
        <translation>Beställningstyp</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Alla typer</translation>
    </message>
    <message>
        <source>Received any time</source>
        <translation>Mottagen när som helst</translation>
    </message>
    <message>
        <source>Received today</source>
        <translation>Mottagen i dag</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Senaste 7 dagarna</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Senaste 30 dagarna</translation>
    </message>
    <message>
        <source>Last 365 days</source>
        <translation>Senaste 365 dagarna</translation>
    </message>
    <message>
        <source>Chosen dates…</source>
        <translation>Valda datum…</translation>
    </message>
    <message>
        <source>&amp;Urgent only</source>
        <translation>Bara ak&amp;uta</translation>
    </message>
    <message>
        <source>Urgent forms only</source>
        <translation>Bara akuta blanketter</translation>
    </message>
    <message>
        <source>{count} open urgent forms.</source>
        <translation>{count} öppna akuta blanketter.</translation>
    </message>
    <message>
        <source>Overdue forms only</source>
        <translation>Bara försenade blanketter</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Observera</translation>
    </message>
    <message>
        <source>Care unit</source>
        <translation>Vårdenhet</translation>
    </message>
    <message>
        <source>Form register</source>
        <translation>Blankettregister</translation>
    </message>
    <message>
        <source>Urgent forms</source>
        <translation>Akuta blanketter</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Försenad</translation>
    </message>
    <message>
        <source>Loading forms…</source>
        <translation>Läser in blanketter…</translation>
    </message>
    <message>
        <source>No forms match.</source>
        <translation>Inga blanketter matchar.</translation>
    </message>
    <message>
        <source>No forms registered yet.</source>
        <translation>Inga blanketter registrerade ännu.</translation>
    </message>
    <message>
        <source>{count} forms shown; scroll down for more.</source>
        <translation>{count} blanketter visas; rulla nedåt för fler.</translation>
    </message>
    <message>
        <source>All {count} forms shown.</source>
        <translation>Alla {count} blanketter visas.</translation>
    </message>
    <message>
        <source>No open urgent forms.</source>
        <translation>Inga öppna akuta blanketter.</translation>
    </message>
    <message>
        <source>Received from</source>
        <translation>Mottagen från</translation>
    </message>
    <message>
        <source>Received to</source>
        <translation>Mottagen till</translation>
    </message>
    <message>
        <source>Only a registry clerk or a supervisor can register forms.</source>
        <translation>Bara en registrator eller en chef kan registrera blanketter.</translation>
    </message>
    <message>
        <source>Unsaved paper form</source>
        <translation>Osparad pappersblankett</translation>
    </message>
    <message>
        <source>A paper form typed in at {time} was not saved when Kansli Desk last stopped. Continue entering it?</source>
        <translation>En pappersblankett som skrevs in {time} sparades inte när Kansli Desk senast avslutades. Fortsätta skriva in den?</translation>
    </message>
    <message>
        <source>Save the blank paper form as PDF</source>
        <translation>Spara den tomma pappersblanketten som PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
</context>
<context>
    <name>KnowledgePanel</name>
    <message>
        <source>Search the knowledge articles</source>
        <translation>Sök i kunskapsartiklarna</translation>
    </message>
    <message>
        <source>Search articles… (Ctrl+K)</source>
        <translation>Sök artiklar… (Ctrl+K)</translation>
    </message>
    <message>
        <source>Show the articles on a topic</source>
        <translation>Visa artiklarna om ett ämne</translation>
    </message>
    <message>
        <source>All topics</source>
        <translation>Alla ämnen</translation>
    </message>
    <message>
        <source>Knowledge tools</source>
        <translation>Kunskapsverktyg</translation>
    </message>
    <message>
        <source>Decision helper</source>
        <translation>Beslutsstöd</translation>
    </message>
    <message>
        <source>Which order, who places it, what to tell the caller (F6)</source>
        <translation>Vilken beställning, vem som gör den, vad du säger till den som ringer (F6)</translation>
    </message>
    <message>
        <source>Age and access</source>
        <translation>Ålder och åtkomst</translation>
    </message>
    <message>
        <source>Age on a date and what access applies (F7)</source>
        <translation>Ålder på ett datum och vilken åtkomst som gäller (F7)</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakter</translation>
    </message>
    <message>
        <source>The contacts card (F2)</source>
        <translation>Kontaktkortet (F2)</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Granskad</translation>
    </message>
    <message>
        <source>Knowledge articles</source>
        <translation>Kunskapsartiklar</translation>
    </message>
    <message>
        <source>Article text</source>
        <translation>Artikeltext</translation>
    </message>
    <message>
        <source>Choose an article to read it here.</source>
        <translation>Välj en artikel för att läsa den här.</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Redigera…</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>Historik…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Skriv ut…</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <source>Save the article as a PDF file</source>
        <translation>Spara artikeln som PDF-fil</translation>
    </message>
    <message>
        <source>Loading articles…</source>
        <translation>Läser in artiklar…</translation>
    </message>
    <message>
        <source>Articles on the call&apos;s topics: {count}.</source>
        <translation>Artiklar om samtalets ämnen: {count}.</translation>
    </message>
    <message>
        <source>No articles match.</source>
        <translation>Inga artiklar matchar.</translation>
    </message>
    <message>
        <source>No articles.</source>
        <translation>Inga artiklar.</translation>
    </message>
    <message>
        <source>1 article.</source>
        <translation>1 artikel.</translation>
    </message>
    <message>
        <source>{count} articles.</source>
        <translation>{count} artiklar.</translation>
    </message>
    <message>
        <source>Needs review.</source>
        <translation>Behöver granskas.</translation>
    </message>
    <message>
        <source>Last reviewed {date}; the interval is {days} days. Check the article before relying on it.</source>
        <translation>Senast granskad {date}; intervallet är {days} dagar. Kontrollera artikeln innan du litar på den.</translation>
    </message>
    <message>
        <source>Topics:</source>
        <translation>Ämnen:</translation>
    </message>
    <message>
        <source>Save the article as PDF</source>
        <translation>Spara artikeln som PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <source>Sources:</source>
        <translation>Källor:</translation>
    </message>
    <message>
        <source>Edit the article: a new revision (supervisors; Ctrl+E)</source>
        <translation>Redigera artikeln: en ny version (chefer; Ctrl+E)</translation>
    </message>
    <message>
        <source>Revisions: compare any two, restore one (Ctrl+H)</source>
        <translation>Versioner: jämför två, återställ en (Ctrl+H)</translation>
    </message>
    <message>
        <source>Print the article (Ctrl+P)</source>
        <translation>Skriv ut artikeln (Ctrl+P)</translation>
    </message>
    <message>
        <source>Last reviewed {date} by {owner}, revision {revision}.</source>
        <translation>Senast granskad {date} av {owner}, version {revision}.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Registers</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>&amp;Call log</source>
        <translation>&amp;Samtalslogg</translation>
    </message>
    <message>
        <source>&amp;Form register</source>
        <translation>&amp;Blankettregister</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <source>&amp;Connect to a shared database…</source>
        <translation>&amp;Anslut till delad databas…</translation>
    </message>
    <message>
        <source>Use the &amp;local database</source>
        <translation>Använd den &amp;lokala databasen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>A&amp;vsluta</translation>
    </message>
    <message>
        <source>&amp;Call</source>
        <translation>Sa&amp;mtal</translation>
    </message>
    <message>
        <source>&amp;New call</source>
        <translation>&amp;Nytt samtal</translation>
    </message>
    <message>
        <source>F&amp;orm</source>
        <translation>B&amp;lankett</translation>
    </message>
    <message>
        <source>&amp;New paper form…</source>
        <translation>&amp;Ny pappersblankett…</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>&amp;Rapporter</translation>
    </message>
    <message>
        <source>&amp;Statistics…</source>
        <translation>&amp;Statistik…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportera…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <source>&amp;Search the knowledge articles</source>
        <translation>&amp;Sök i kunskapsartiklarna</translation>
    </message>
    <message>
        <source>Show the &amp;knowledge panel</source>
        <translation>Visa &amp;kunskapspanelen</translation>
    </message>
    <message>
        <source>&amp;Knowledge</source>
        <translation>&amp;Kunskap</translation>
    </message>
    <message>
        <source>&amp;Decision helper…</source>
        <translation>&amp;Beslutsstöd…</translation>
    </message>
    <message>
        <source>&amp;Age and access…</source>
        <translation>Å&amp;lder och åtkomst…</translation>
    </message>
    <message>
        <source>&amp;Contacts card</source>
        <translation>&amp;Kontaktkort</translation>
    </message>
    <message>
        <source>&amp;New article…</source>
        <translation>&amp;Ny artikel…</translation>
    </message>
    <message>
        <source>Articles due for &amp;review…</source>
        <translation>Artiklar som ska &amp;granskas…</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Inställningar</translation>
    </message>
    <message>
        <source>Call &amp;topics…</source>
        <translation>Samtals&amp;ämnen…</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>&amp;Användare…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Språk</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <source>&amp;About Kansli Desk</source>
        <translation>&amp;Om Kansli Desk</translation>
    </message>
    <message>
        <source>Opening {where}…</source>
        <translation>Öppnar {where}…</translation>
    </message>
    <message>
        <source>The new language is used the next time you start Kansli Desk.</source>
        <translation>Det nya språket används nästa gång du startar Kansli Desk.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ingen</translation>
    </message>
    <message>
        <source>About Kansli Desk</source>
        <translation>Om Kansli Desk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Kansli Desk {version}&lt;/h3&gt;&lt;p&gt;Call log, knowledge panel and form register for Regionstab Kansli, Region Kalmar län.&lt;/p&gt;&lt;p&gt;Database: {where}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Kansli Desk {version}&lt;/h3&gt;&lt;p&gt;Samtalslogg, kunskapspanel och blankettregister för Regionstab Kansli, Region Kalmar län.&lt;/p&gt;&lt;p&gt;Databas: {where}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The database was upgraded to the current schema.</source>
        <translation>Databasen uppgraderades till aktuellt schema.</translation>
    </message>
    <message>
        <source>Knowledge article files that could not be read ({count}): {first}</source>
        <translation>Kunskapsartikelfiler som inte kunde läsas ({count}): {first}</translation>
    </message>
    <message>
        <source>A newer shipped version exists for edited articles ({count}); open them to compare.</source>
        <translation>Nyare levererad version finns för redigerade artiklar ({count}); öppna dem för att jämföra.</translation>
    </message>
    <message>
        <source>The database answers again.</source>
        <translation>Databasen svarar igen.</translation>
    </message>
    <message>
        <source>No keyring is available on this computer, so the password could not be saved. It is kept in memory until you quit Kansli Desk.</source>
        <translation>Det finns ingen nyckelring på den här datorn, så lösenordet kunde inte sparas. Det finns kvar i minnet tills du avslutar Kansli Desk.</translation>
    </message>
    <message>
        <source>The database could not be opened because of an unexpected error. The details are in the log file.</source>
        <translation>Databasen kunde inte öppnas på grund av ett oväntat fel. Detaljerna finns i loggfilen.</translation>
    </message>
    <message>
        <source>Choose another database…</source>
        <translation>Välj en annan databas…</translation>
    </message>
    <message>
        <source>Use the local database</source>
        <translation>Använd den lokala databasen</translation>
    </message>
    <message>
        <source>Keep the current database</source>
        <translation>Behåll nuvarande databas</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Avsluta</translation>
    </message>
    <message>
        <source>Something unexpected went wrong. Nothing you saved was lost; the details are in the log file. Please tell the developers.</source>
        <translation>Något oväntat gick fel. Inget du har sparat har gått förlorat; detaljerna finns i loggfilen. Meddela gärna utvecklarna.</translation>
    </message>
</context>
<context>
    <name>OfficeHoursWatcher</name>
    <message>
        <source>Kansli open until {time}</source>
        <translation>Kansliet öppet till {time}</translation>
    </message>
    <message>
        <source>Kansli closed</source>
        <translation>Kansliet stängt</translation>
    </message>
    <message>
        <source>opens {day} {time}</source>
        <translation>öppnar {day} {time}</translation>
    </message>
    <message>
        <source>Kansli closed ({holiday}); {opens}</source>
        <translation>Kansliet stängt ({holiday}); {opens}</translation>
    </message>
    <message>
        <source>Kansli closed; {opens}</source>
        <translation>Kansliet stängt; {opens}</translation>
    </message>
    <message>
        <source>Outside office hours: urgent orders go to Supportcenter Vårdsystem, phone 0480-840 38, option 2 (fill in the digital form first). During standby 17:00–07:00, leave a message and expect a callback within 30 minutes. Non-urgent orders are handled in office hours.</source>
        <translation>Utanför kontorstid: akuta beställningar görs till Supportcenter Vårdsystem, telefon 0480-840 38 knappval 2 (fyll först i den digitala blanketten). Under beredskapstid 17:00–07:00: tala in ett meddelande och invänta uppringning inom 30 minuter. Beställningar som inte är akuta handläggs under kontorstid.</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>måndag</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>tisdag</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>onsdag</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>torsdag</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>fredag</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>lördag</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>söndag</translation>
    </message>
    <message>
        <source>today</source>
        <translation>i dag</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>i morgon</translation>
    </message>
</context>
<context>
    <name>OverdueArticlesDialog</name>
    <message>
        <source>Articles to review</source>
        <translation>Artiklar att granska</translation>
    </message>
    <message>
        <source>These articles are past their review date. Check each against its sources, then save it with “Mark as reviewed today”.</source>
        <translation>De här artiklarna har passerat sitt granskningsdatum. Kontrollera var och en mot dess källor och spara den sedan med ”Markera som granskad i dag”.</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Ägare</translation>
    </message>
    <message>
        <source>Last reviewed</source>
        <translation>Senast granskad</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Försenad</translation>
    </message>
    <message>
        <source>Articles past their review date</source>
        <translation>Artiklar som har passerat sitt granskningsdatum</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Öpp&amp;na</translation>
    </message>
    <message>
        <source>Open the chosen article</source>
        <translation>Öppna den valda artikeln</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>never reviewed</source>
        <translation>aldrig granskad</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} dagar</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Läser in…</translation>
    </message>
    <message>
        <source>Every article has been reviewed in time.</source>
        <translation>Alla artiklar har granskats i tid.</translation>
    </message>
    <message>
        <source>One article to review.</source>
        <translation>En artikel att granska.</translation>
    </message>
    <message>
        <source>{count} articles to review.</source>
        <translation>{count} artiklar att granska.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Database password</source>
        <translation>Databaslösenord</translation>
    </message>
    <message>
        <source>Password for {where}</source>
        <translation>Lösenord för {where}</translation>
    </message>
    <message>
        <source>&amp;Remember the password in the keyring</source>
        <translation>&amp;Kom ihåg lösenordet i nyckelringen</translation>
    </message>
    <message>
        <source>Remember the password</source>
        <translation>Kom ihåg lösenordet</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Lösenord:</translation>
    </message>
</context>
<context>
    <name>PeriodChooser</name>
    <message>
        <source>Quick choice of period</source>
        <translation>Snabbval av period</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Den här månaden</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Förra månaden</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>I år</translation>
    </message>
    <message>
        <source>The last 12 months</source>
        <translation>De senaste 12 månaderna</translation>
    </message>
    <message>
        <source>Chosen dates</source>
        <translation>Valda datum</translation>
    </message>
    <message>
        <source>First day of the period</source>
        <translation>Periodens första dag</translation>
    </message>
    <message>
        <source>Last day of the period</source>
        <translation>Periodens sista dag</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Från:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Till:</translation>
    </message>
    <message>
        <source>&amp;Quick choice:</source>
        <translation>&amp;Snabbval:</translation>
    </message>
</context>
<context>
    <name>RegisterList</name>
    <message>
        <source>The list could not be read.</source>
        <translation>Listan kunde inte läsas in.</translation>
    </message>
</context>
<context>
    <name>ShippedUpdateBar</name>
    <message>
        <source>A newer shipped version of this article exists. It was not loaded, because the article has been edited here.</source>
        <translation>Det finns en nyare levererad version av artikeln. Den lästes inte in, eftersom artikeln har redigerats här.</translation>
    </message>
    <message>
        <source>Show differences…</source>
        <translation>Visa skillnader…</translation>
    </message>
    <message>
        <source>Use the shipped version</source>
        <translation>Använd den levererade versionen</translation>
    </message>
    <message>
        <source>Keep ours</source>
        <translation>Behåll vår</translation>
    </message>
    <message>
        <source>… {count} unchanged lines …</source>
        <translation>… {count} oförändrade rader …</translation>
    </message>
    <message>
        <source>Ours and the shipped version</source>
        <translation>Vår och den levererade versionen</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>Skillnader</translation>
    </message>
    <message>
        <source>Removed lines are ours; added lines are the shipped version.</source>
        <translation>Borttagna rader är våra; tillagda rader är den levererade versionen.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Rubrik</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Knowledge article</source>
        <translation>Kunskapsartikel</translation>
    </message>
</context>
<context>
    <name>Statistics</name>
    <message>
        <source>w. {week}</source>
        <translation>v. {week}</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>mån</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>tis</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>ons</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>tor</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>fre</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>lör</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>sön</translation>
    </message>
</context>
<context>
    <name>StatisticsDialog</name>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Uppdatera</translation>
    </message>
    <message>
        <source>Compute the statistics</source>
        <translation>Beräkna statistiken</translation>
    </message>
    <message>
        <source>Compute the statistics for the period (F5)</source>
        <translation>Beräkna statistiken för perioden (F5)</translation>
    </message>
    <message>
        <source>Computing</source>
        <translation>Beräknar</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagram</translation>
    </message>
    <message>
        <source>Numbers behind the chart</source>
        <translation>Siffrorna bakom diagrammet</translation>
    </message>
    <message>
        <source>&amp;Copy table</source>
        <translation>&amp;Kopiera tabellen</translation>
    </message>
    <message>
        <source>Copy the table as tab-separated text</source>
        <translation>Kopiera tabellen som tabbseparerad text</translation>
    </message>
    <message>
        <source>Ctrl+C copies the selected rows; paste them into a spreadsheet.</source>
        <translation>Ctrl+C kopierar de markerade raderna; klistra in dem i ett kalkylark.</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>Spara som &amp;PDF…</translation>
    </message>
    <message>
        <source>Save the report as a PDF file</source>
        <translation>Spara rapporten som en PDF-fil</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>The first day is after the last day of the period.</source>
        <translation>Periodens första dag ligger efter dess sista dag.</translation>
    </message>
    <message>
        <source>No database is open.</source>
        <translation>Ingen databas är öppen.</translation>
    </message>
    <message>
        <source>Computing the statistics…</source>
        <translation>Beräknar statistiken…</translation>
    </message>
    <message>
        <source>The statistics could not be computed. The details are in the log file.</source>
        <translation>Statistiken kunde inte beräknas. Detaljerna finns i loggfilen.</translation>
    </message>
    <message>
        <source>{calls} calls and {forms} forms from {start} to {end}; computed {time}.</source>
        <translation>{calls} samtal och {forms} blanketter från {start} till {end}; beräknat {time}.</translation>
    </message>
    <message>
        <source>Copied {rows} rows as tab-separated text: paste them into a spreadsheet.</source>
        <translation>Kopierade {rows} rader som tabbseparerad text: klistra in dem i ett kalkylark.</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>Spara rapporten som PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <source>statistics_{start}_{end}.pdf</source>
        <translation>statistik_{start}_{end}.pdf</translation>
    </message>
    <message>
        <source>Saved the report ({pages} pages) as {file}.</source>
        <translation>Sparade rapporten ({pages} sidor) som {file}.</translation>
    </message>
    <message>
        <source>The PDF could not be saved in {folder}: {reason}</source>
        <translation>PDF-filen kunde inte sparas i {folder}: {reason}</translation>
    </message>
    <message>
        <source>The PDF could not be saved.</source>
        <translation>PDF-filen kunde inte sparas.</translation>
    </message>
    <message>
        <source>Saving the report…</source>
        <translation>Sparar rapporten…</translation>
    </message>
</context>
<context>
    <name>StatisticsReport</name>
    <message>
        <source>Statistics report {period}</source>
        <translation>Statistikrapport {period}</translation>
    </message>
    <message>
        <source>Statistics report</source>
        <translation>Statistikrapport</translation>
    </message>
    <message>
        <source>Period: {period}</source>
        <translation>Period: {period}</translation>
    </message>
    <message>
        <source>Made {time} (Swedish time) by Kansli Desk.</source>
        <translation>Skapad {time} (svensk tid) av Kansli Desk.</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Sammanfattning</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Samtal</translation>
    </message>
    <message>
        <source>Forms</source>
        <translation>Blanketter</translation>
    </message>
    <message>
        <source>{calls} calls were logged in the period.</source>
        <translation>{calls} samtal loggades under perioden.</translation>
    </message>
    <message>
        <source>{forms} paper forms arrived in the period.</source>
        <translation>{forms} pappersblanketter kom in under perioden.</translation>
    </message>
    <message>
        <source>{calls} calls were logged and {forms} paper forms arrived in the period.</source>
        <translation>{calls} samtal loggades och {forms} pappersblanketter kom in under perioden.</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Sida {page} av {pages}</translation>
    </message>
    <message>
        <source>{whole}.{fraction}</source>
        <translation>{whole},{fraction}</translation>
    </message>
    <message>
        <source>{duration} min</source>
        <translation>{duration} min</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} dagar</translation>
    </message>
    <message>
        <source>Jan</source>
        <translation>jan</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>feb</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>mar</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>apr</translation>
    </message>
    <message>
        <source>May</source>
        <translation>maj</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>jun</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>jul</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>aug</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>sep</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>okt</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>nov</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>dec</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>måndag</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>tisdag</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>onsdag</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>torsdag</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>fredag</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>lördag</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>söndag</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>mån</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>tis</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>ons</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>tor</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>fre</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>lör</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>sön</translation>
    </message>
    <message>
        <source>w. {week} {year}</source>
        <translation>v. {week} {year}</translation>
    </message>
    <message>
        <source>w. {week}</source>
        <translation>v. {week}</translation>
    </message>
    <message>
        <source>Mean duration</source>
        <translation>Medellängd</translation>
    </message>
    <message>
        <source>Median duration</source>
        <translation>Medianlängd</translation>
    </message>
    <message>
        <source>Within office hours</source>
        <translation>Inom kontorstid</translation>
    </message>
    <message>
        <source>Outside office hours</source>
        <translation>Utanför kontorstid</translation>
    </message>
    <message>
        <source>Open callbacks</source>
        <translation>Öppna återringningar</translation>
    </message>
    <message>
        <source>Overdue callbacks</source>
        <translation>Försenade återringningar</translation>
    </message>
    <message>
        <source>Median time to registration</source>
        <translation>Mediantid till registrering</translation>
    </message>
    <message>
        <source>Median time to confirmation</source>
        <translation>Mediantid till bekräftelse</translation>
    </message>
    <message>
        <source>Urgent forms</source>
        <translation>Akuta blanketter</translation>
    </message>
    <message>
        <source>Urgent: IT support phoned in time</source>
        <translation>Akut: IT-supporten ringd i tid</translation>
    </message>
    <message>
        <source>Urgent: phoned late</source>
        <translation>Akut: ringd för sent</translation>
    </message>
    <message>
        <source>Urgent: not phoned</source>
        <translation>Akut: inte ringd</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>Nyckeltal</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Nyckeltal</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Värde</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Andel</translation>
    </message>
    <message>
        <source>No forms arrived in the period.</source>
        <translation>Inga blanketter kom in under perioden.</translation>
    </message>
    <message>
        <source>No calls in the period.</source>
        <translation>Inga samtal under perioden.</translation>
    </message>
    <message>
        <source>Calls per day</source>
        <translation>Samtal per dag</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>Veckodag</translation>
    </message>
    <message>
        <source>Calls per week</source>
        <translation>Samtal per vecka</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Vecka</translation>
    </message>
    <message>
        <source>Calls per topic</source>
        <translation>Samtal per ämne</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Ämne</translation>
    </message>
    <message>
        <source>Calls per outcome</source>
        <translation>Samtal per utfall</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <source>Calls per caller</source>
        <translation>Samtal per uppringare</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Uppringare</translation>
    </message>
    <message>
        <source>Office hours {opens}–{closes}</source>
        <translation>Kontorstid {opens}–{closes}</translation>
    </message>
    <message>
        <source>Calls by hour of day</source>
        <translation>Samtal per timme</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Timme</translation>
    </message>
    <message>
        <source>Hour of day (Swedish time)</source>
        <translation>Timme på dygnet (svensk tid)</translation>
    </message>
    <message>
        <source>Calls by weekday</source>
        <translation>Samtal per veckodag</translation>
    </message>
    <message>
        <source>Office days</source>
        <translation>Kontorsdagar</translation>
    </message>
    <message>
        <source>Forms per type</source>
        <translation>Blanketter per typ</translation>
    </message>
    <message>
        <source>Form type</source>
        <translation>Blankettyp</translation>
    </message>
    <message>
        <source>Forms per status</source>
        <translation>Blanketter per status</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Opening the database…</source>
        <translation>Öppnar databasen…</translation>
    </message>
    <message>
        <source>{user} ({role})</source>
        <translation>{user} ({role})</translation>
    </message>
    <message>
        <source>Logged in as {login}</source>
        <translation>Inloggad som {login}</translation>
    </message>
    <message>
        <source>Local database: {path}</source>
        <translation>Lokal databas: {path}</translation>
    </message>
    <message>
        <source>Shared database: {where}</source>
        <translation>Delad databas: {where}</translation>
    </message>
</context>
<context>
    <name>TopicsDialog</name>
    <message>
        <source>Call topics</source>
        <translation>Samtalsämnen</translation>
    </message>
    <message>
        <source>Topics are offered in the call form. A retired topic is no longer offered but stays on the calls that have it.</source>
        <translation>Ämnena erbjuds i samtalsformuläret. Ett avvecklat ämne erbjuds inte längre men finns kvar på de samtal som har det.</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Ämne</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Avvecklat</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>I bruk</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beskrivning</translation>
    </message>
    <message>
        <source>&amp;Retire the chosen topic…</source>
        <translation>&amp;Avveckla det valda ämnet…</translation>
    </message>
    <message>
        <source>Name of the new topic</source>
        <translation>Namn på det nya ämnet</translation>
    </message>
    <message>
        <source>Description of the new topic</source>
        <translation>Beskrivning av det nya ämnet</translation>
    </message>
    <message>
        <source>What calls on this topic are about</source>
        <translation>Vad samtal om ämnet handlar om</translation>
    </message>
    <message>
        <source>&amp;Add topic</source>
        <translation>&amp;Lägg till ämne</translation>
    </message>
    <message>
        <source>New topic</source>
        <translation>Nytt ämne</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Namn:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beskrivning:</translation>
    </message>
    <message>
        <source>Loading topics…</source>
        <translation>Läser in ämnen…</translation>
    </message>
    <message>
        <source>{count} topics.</source>
        <translation>{count} ämnen.</translation>
    </message>
    <message>
        <source>Topic “{name}” added.</source>
        <translation>Ämnet ”{name}” har lagts till.</translation>
    </message>
    <message>
        <source>Retire topic</source>
        <translation>Avveckla ämne</translation>
    </message>
    <message>
        <source>Retire “{name}”? It is no longer offered for new calls; calls that have it keep it.</source>
        <translation>Avveckla ”{name}”? Det erbjuds inte längre för nya samtal; samtal som har det behåller det.</translation>
    </message>
    <message>
        <source>Topic “{name}” retired.</source>
        <translation>Ämnet ”{name}” har avvecklats.</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users</source>
        <translation>Användare</translation>
    </message>
    <message>
        <source>A deactivated user can no longer open Kansli Desk; what they did keeps their name. The last active supervisor keeps the role, and nobody deactivates themselves.</source>
        <translation>En inaktiverad användare kan inte längre öppna Kansli Desk; det hen har gjort står kvar i hens namn. Den sista aktiva chefen behåller rollen, och ingen kan inaktivera sig själv.</translation>
    </message>
    <message>
        <source>On this shared database each person also needs a database login in the group role of their role: a database administrator runs “kansli-desk db grant LOGIN ROLE”.</source>
        <translation>I den här delade databasen behöver varje person också en databasinloggning i grupprollen för sin roll: en databasadministratör kör ”kansli-desk db grant INLOGGNING ROLL”.</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Inloggning</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Roll</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Inaktiverad</translation>
    </message>
    <message>
        <source>Database role</source>
        <translation>Databasroll</translation>
    </message>
    <message>
        <source>&amp;Users:</source>
        <translation>&amp;Användare:</translation>
    </message>
    <message>
        <source>Chosen user</source>
        <translation>Vald användare</translation>
    </message>
    <message>
        <source>Name of the chosen user</source>
        <translation>Namn på den valda användaren</translation>
    </message>
    <message>
        <source>&amp;Save name</source>
        <translation>&amp;Spara namnet</translation>
    </message>
    <message>
        <source>Role of the chosen user</source>
        <translation>Roll för den valda användaren</translation>
    </message>
    <message>
        <source>&amp;Change role</source>
        <translation>&amp;Byt roll</translation>
    </message>
    <message>
        <source>&amp;Deactivate…</source>
        <translation>&amp;Inaktivera…</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Namn:</translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation>&amp;Roll:</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>Ny användare</translation>
    </message>
    <message>
        <source>Login of the new user</source>
        <translation>Inloggning för den nya användaren</translation>
    </message>
    <message>
        <source>Their database login</source>
        <translation>Personens databasinloggning</translation>
    </message>
    <message>
        <source>Their login on this computer</source>
        <translation>Personens inloggning på den här datorn</translation>
    </message>
    <message>
        <source>Name of the new user</source>
        <translation>Namn på den nya användaren</translation>
    </message>
    <message>
        <source>First and last name</source>
        <translation>För- och efternamn</translation>
    </message>
    <message>
        <source>Role of the new user</source>
        <translation>Roll för den nya användaren</translation>
    </message>
    <message>
        <source>&amp;Add user</source>
        <translation>Lägg &amp;till användare</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>In&amp;loggning:</translation>
    </message>
    <message>
        <source>Display na&amp;me:</source>
        <translation>&amp;Visningsnamn:</translation>
    </message>
    <message>
        <source>Rol&amp;e:</source>
        <translation>R&amp;oll:</translation>
    </message>
    <message>
        <source>Loading users…</source>
        <translation>Läser in användare…</translation>
    </message>
    <message>
        <source>{count} users.</source>
        <translation>{count} användare.</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Stämmer</translation>
    </message>
    <message>
        <source>No database login</source>
        <translation>Ingen databasinloggning</translation>
    </message>
    <message>
        <source>Group role missing</source>
        <translation>Grupproll saknas</translation>
    </message>
    <message>
        <source>Also another role&apos;s group</source>
        <translation>Även en annan rolls grupp</translation>
    </message>
    <message>
        <source>Superuser</source>
        <translation>Superanvändare</translation>
    </message>
    <message>
        <source>The database login {login} is a member of {group}, as its role asks.</source>
        <translation>Databasinloggningen {login} är medlem i {group}, som rollen kräver.</translation>
    </message>
    <message>
        <source>The database login {login} is a superuser: the database does not restrict what it reads or changes.</source>
        <translation>Databasinloggningen {login} är superanvändare: databasen begränsar inte vad den läser eller ändrar.</translation>
    </message>
    <message>
        <source>There is no database login {login}.</source>
        <translation>Det finns ingen databasinloggning {login}.</translation>
    </message>
    <message>
        <source>The database login {login} is not a member of {group}.</source>
        <translation>Databasinloggningen {login} är inte medlem i {group}.</translation>
    </message>
    <message>
        <source>The database login {login} is also a member of another role&apos;s group role, so the database allows more than its role.</source>
        <translation>Databasinloggningen {login} är också medlem i en annan rolls grupproll, så databasen tillåter mer än rollen.</translation>
    </message>
    <message>
        <source>A database administrator runs: {command}</source>
        <translation>En databasadministratör kör: {command}</translation>
    </message>
    <message>
        <source>Chosen user: {login}</source>
        <translation>Vald användare: {login}</translation>
    </message>
    <message>
        <source>Reac&amp;tivate</source>
        <translation>Åt&amp;eraktivera</translation>
    </message>
    <message>
        <source>You cannot deactivate your own login.</source>
        <translation>Du kan inte inaktivera din egen inloggning.</translation>
    </message>
    <message>
        <source>You are no longer a supervisor; close this window.</source>
        <translation>Du är inte längre chef; stäng det här fönstret.</translation>
    </message>
    <message>
        <source>User {login} added with the role {role}.</source>
        <translation>Användaren {login} har lagts till med rollen {role}.</translation>
    </message>
    <message>
        <source>A database administrator gives them their database login: {command}</source>
        <translation>En databasadministratör ger personen databasinloggningen: {command}</translation>
    </message>
    <message>
        <source>The name of {login} is now “{name}”.</source>
        <translation>Namnet för {login} är nu ”{name}”.</translation>
    </message>
    <message>
        <source>{login} already has the role {role}.</source>
        <translation>{login} har redan rollen {role}.</translation>
    </message>
    <message>
        <source>{login} now has the role {role}.</source>
        <translation>{login} har nu rollen {role}.</translation>
    </message>
    <message>
        <source>A database administrator moves their database login: {command}</source>
        <translation>En databasadministratör flyttar personens databasinloggning: {command}</translation>
    </message>
    <message>
        <source>Deactivate user</source>
        <translation>Inaktivera användare</translation>
    </message>
    <message>
        <source>Deactivate {login}? They can no longer open Kansli Desk until a supervisor reactivates them. What they did keeps their name.</source>
        <translation>Inaktivera {login}? Personen kan inte öppna Kansli Desk förrän en chef återaktiverar inloggningen. Det personen har gjort står kvar i hens namn.</translation>
    </message>
    <message>
        <source>{login} is reactivated.</source>
        <translation>{login} är återaktiverad.</translation>
    </message>
    <message>
        <source>{login} is deactivated.</source>
        <translation>{login} är inaktiverad.</translation>
    </message>
</context>
</TS>
