#!/usr/bin/env python3
"""Writes the example bundles' content (assets/examples/*.json, before canonicalisation).
Run: python3 tools/make-examples.py && for f in assets/examples/*.json; do
       build/native/sipprep migrate "$f" -o "$f"; done
The people are invented; their personnummer are computed to have valid check digits."""
import json, os

def pnr(yyyymmdd, nnn):
    nine = yyyymmdd[2:] + nnn
    s = 0
    for i, ch in enumerate(nine):
        v = int(ch) * (2 if i % 2 == 0 else 1)
        s += v - 9 if v > 9 else v
    return yyyymmdd + nnn + str((10 - s % 10) % 10)

def v(*pairs): return [{"author": a, "text": t} for a, t in pairs]
P = "person"

def bundle(content, created, updated, language="sv"):
    return {"format": "sipprep-bundle", "version": 1, "created": created, "updated": updated,
            "app": {"name": "sipprep", "version": "0.1.0"}, "language": language, "content": content}

examples = {}

examples["vuxen-efter-sjukhusvistelse"] = bundle({
  "kind": "new",
  "owner": {"name": "Kerstin Lund", "personal_id": pnr("19580412", "238"), "address": "Björkvägen 4, 541 30 Skövde", "phone": "070-123 45 67"},
  "representatives": [],
  "contributors": [{"id": P, "name": "Kerstin Lund", "role": "person", "relation": ""},
                   {"id": "rel-1", "name": "Göran Lund", "role": "relative", "relation": "make"}],
  "need_noticed": {"by": ["region_health"], "other": ""},
  "goals": {"long_term": v((P, "Att kunna bo kvar hemma och klara mig själv så mycket det går."),
                           ("rel-1", "Att Kerstin känner sig trygg när jag är på jobbet.")),
            "short_term": v((P, "Kunna duscha själv igen före jul."), (P, "Gå till affären med rollator."))},
  "situation": {"now": v((P, "Jag kom hem från sjukhuset efter en stroke. Vänster arm är svag och jag blir fort trött.")),
                "works_well": v((P, "Jag kan laga enkel mat och tala i telefon.")),
                "strengths": v((P, "Jag är envis och vill träna."), ("rel-1", "Vi har grannar som hjälper till."))},
  "needs": [{"area": "home", "other_label": "", "can_do_myself": v((P, "Laga frukost, plocka undan.")),
             "need_help_with": v((P, "Dusch och städning."), ("rel-1", "Trapporna till tvättstugan."))},
            {"area": "health", "other_label": "", "can_do_myself": v((P, "Ta mina mediciner om de ligger i dosett.")),
             "need_help_with": v((P, "Träning för armen och att komma till återbesöken."))}],
  "questions": [
    {"id": "q-1", "author": P, "text": "Vem ringer jag om jag blir sämre en helg?", "priority": "high", "for_whom": "vårdcentralen och hemsjukvården"},
    {"id": "q-2", "author": P, "text": "Kan rehabiliteringen ske hemma?", "priority": "medium", "for_whom": "kommunens rehab"},
    {"id": "q-3", "author": "rel-1", "text": "Hur länge får hemtjänsten stanna på morgonen?", "priority": "none", "for_whom": "biståndshandläggaren"}],
  "invitations": {"actors": [
      {"id": "a-1", "kind": "primary_care", "other_label": "", "unit": "Vårdcentralen Ryd", "contact": "Distriktssköterska Eva Berg, 0500-44 55 66"},
      {"id": "a-2", "kind": "municipal_health", "other_label": "", "unit": "Hemsjukvården Skövde", "contact": ""},
      {"id": "a-3", "kind": "social_services", "other_label": "", "unit": "Biståndsenheten", "contact": "Handläggare Omar Said"}],
    "support_person": {"name": "Göran Lund", "contact": "070-765 43 21"},
    "trusted_most": "a-1", "trusted_note": "Eva känner mig sedan länge."},
  "participation": {"modes": ["in_person"],
    "adaptations": {"interpreter": False, "interpreter_language": "", "sign_language": False, "aac": False, "aac_note": "",
                    "easy_language": False, "physical_access": True, "breaks": True, "other": "Mötet hemma hos mig om det går."},
    "wished_date": "2026-12-08", "wished_time": "förmiddag", "wished_place": "hemma",
    "topics_to_avoid": v(), "pre_meeting_allowed": "yes"},
  "consents": [
    {"id": "c-1", "actor": "a-1", "decision": "permit", "information": "Diagnos, mediciner och vårdplan efter sjukhusvistelsen.", "categories": ["health"],
     "valid_from": "2026-11-20", "valid_to": "2027-11-20", "form": "written", "given_by": "person", "guardian_approvals": [],
     "representative_id": "", "representative_basis": "", "revoked_on": ""},
    {"id": "c-2", "actor": "a-2", "decision": "permit", "information": "Det som behövs för hemsjukvården.", "categories": ["health"],
     "valid_from": "2026-11-20", "valid_to": "2027-11-20", "form": "written", "given_by": "person", "guardian_approvals": [],
     "representative_id": "", "representative_basis": "", "revoked_on": ""},
    {"id": "c-3", "actor": "a-3", "decision": "permit", "information": "Behov av hjälp i hemmet.", "categories": ["social_services"],
     "valid_from": "2026-11-20", "valid_to": "2027-11-20", "form": "oral", "given_by": "person", "guardian_approvals": [],
     "representative_id": "", "representative_basis": "", "revoked_on": ""}],
  "evaluation": {"listened_to": 0, "understood": 0, "started_from_me": 0, "comment": ""},
  "follow_up": {}
}, "2026-11-20T09:12:00Z", "2026-11-21T18:40:00Z")

g1, g2 = "g-1", "g-2"
examples["barn-skolfranvaro"] = bundle({
  "kind": "new",
  "owner": {"name": "Elsa Nilsson", "personal_id": pnr("20130905", "284"), "address": "Storgatan 12, 831 30 Östersund", "phone": ""},
  "representatives": [
    {"id": g1, "name": "Maria Nilsson", "kind": "guardian", "relation": "mamma", "phone": "073-111 22 33", "personal_id": ""},
    {"id": g2, "name": "Jonas Nilsson", "kind": "guardian", "relation": "pappa", "phone": "076-444 55 66", "personal_id": ""}],
  "contributors": [{"id": P, "name": "Elsa", "role": "person", "relation": ""},
                   {"id": "c-" + g1, "name": "Maria Nilsson", "role": "guardian", "relation": "mamma"},
                   {"id": "c-" + g2, "name": "Jonas Nilsson", "role": "guardian", "relation": "pappa"}],
  "need_noticed": {"by": ["school"], "other": ""},
  "goals": {"long_term": v((P, "Att gå i skolan utan ont i magen och ha en kompis."),
                           ("c-" + g1, "Att Elsa får gå ut nian med godkända betyg."),
                           ("c-" + g2, "Att hon orkar vara i skolan hela dagar igen.")),
            "short_term": v((P, "Vara i skolan tre dagar i veckan efter jullovet."))},
  "situation": {"now": v((P, "Jag har varit hemma mycket i höst. Det är jobbigt i matsalen."),
                         ("c-" + g1, "Frånvaron är ungefär hälften av lektionerna sedan september.")),
                "works_well": v((P, "Bild och slöjd. Min mentor Sara.")),
                "strengths": v((P, "Jag ritar bra och tar hand om vår hund."), ("c-" + g2, "Elsa är omtänksam och nyfiken."))},
  "needs": [{"area": "school_work", "other_label": "", "can_do_myself": v((P, "Göra läxor hemma.")),
             "need_help_with": v((P, "Ett lugnt ställe att äta lunch."), ("c-" + g1, "Anpassat schema och en plan för att komma tillbaka."))},
            {"area": "health", "other_label": "", "can_do_myself": v(),
             "need_help_with": v((P, "Prata med någon om oron."))}],
  "questions": [
    {"id": "q-1", "author": P, "text": "Kan jag äta lunch i ett mindre rum?", "priority": "high", "for_whom": "skolan"},
    {"id": "q-2", "author": "c-" + g1, "text": "Vem i skolan håller ihop planen för att komma tillbaka?", "priority": "high", "for_whom": "rektor"},
    {"id": "q-3", "author": "c-" + g2, "text": "Hur lång är väntetiden till BUP?", "priority": "medium", "for_whom": "BUP"}],
  "invitations": {"actors": [
      {"id": "a-1", "kind": "school", "other_label": "", "unit": "Parkskolan, mentor Sara Ek", "contact": "063-12 34 56"},
      {"id": "a-2", "kind": "student_health", "other_label": "", "unit": "Elevhälsan Parkskolan", "contact": "skolkurator"},
      {"id": "a-3", "kind": "psychiatry", "other_label": "", "unit": "BUP Östersund", "contact": ""},
      {"id": "a-4", "kind": "social_services", "other_label": "", "unit": "Barn och unga", "contact": ""}],
    "support_person": {"name": "", "contact": ""}, "trusted_most": "a-1", "trusted_note": "Sara lyssnar på mig."},
  "participation": {"modes": ["part_of_meeting", "in_person"],
    "adaptations": {"interpreter": False, "interpreter_language": "", "sign_language": False, "aac": False, "aac_note": "",
                    "easy_language": True, "physical_access": False, "breaks": True, "other": "Elsa vill få frågorna i förväg."},
    "wished_date": "2026-12-03", "wished_time": "efter lunch", "wished_place": "skolan, inte i aulan",
    "topics_to_avoid": v((P, "Att jag grät på idrotten i oktober.")), "pre_meeting_allowed": "no"},
  "consents": [
    {"id": "c-%d" % i, "actor": a, "decision": "permit", "information": info, "categories": cats,
     "valid_from": "2026-11-15", "valid_to": "2027-06-15", "form": "written", "given_by": "guardians",
     "guardian_approvals": [{"representative_id": g1, "date": "2026-11-15", "agrees": True},
                            {"representative_id": g2, "date": "2026-11-16", "agrees": True}],
     "representative_id": "", "representative_basis": "", "revoked_on": ""}
    for i, (a, info, cats) in enumerate([("a-1", "Frånvaro, anpassningar och betyg.", ["school"]),
                                         ("a-2", "Elevhälsans anteckningar om Elsas mående.", ["health", "school"]),
                                         ("a-3", "Remiss och bedömning.", ["health"]),
                                         ("a-4", "Det som behövs för stöd till familjen.", ["social_services", "family"])], 1)],
  "evaluation": {"listened_to": 0, "understood": 0, "started_from_me": 0, "comment": ""},
  "follow_up": {}
}, "2026-11-15T19:02:00Z", "2026-11-16T20:10:00Z")

examples["aldre-uppfoljning"] = bundle({
  "kind": "follow_up",
  "owner": {"name": "Aino Virtanen", "personal_id": pnr("19380218", "142"), "address": "Solgården, lgh 12, Falköping", "phone": ""},
  "representatives": [{"id": "r-1", "name": "Leif Andersson", "kind": "god_man", "relation": "", "phone": "0515-12 12 12", "personal_id": ""}],
  "contributors": [{"id": P, "name": "Aino Virtanen", "role": "person", "relation": ""},
                   {"id": "rel-1", "name": "Pirjo Virtanen", "role": "relative", "relation": "dotter"},
                   {"id": "rep-1", "name": "Leif Andersson", "role": "representative", "relation": "god man"}],
  "need_noticed": {"by": ["municipal_health"], "other": ""},
  "follow_up": {
    "how_it_went": v((P, "Bättre. Jag har inte ramlat sedan i våras."), ("rel-1", "Mamma äter bättre sedan matlådorna kom.")),
    "what_changed": v((P, "Jag har flyttat till Solgården.")),
    "efforts_done": v(("rep-1", "Trygghetslarm och matlådor ja. Dagverksamheten kom aldrig igång.")),
    "efforts_helped": v((P, "Larmet gör mig lugn på natten.")),
    "other_needed": v(("rel-1", "Någon som talar finska med mamma ibland."))},
  "goals": {"long_term": v((P, "Att få prata finska och ha sällskap om dagarna.")), "short_term": []},
  "situation": {"now": v((P, "Jag bor på Solgården. Minnet sviktar ibland.")), "works_well": v((P, "Maten och personalen.")),
                "strengths": v((P, "Jag tycker om att sjunga."))},
  "needs": [{"area": "leisure", "other_label": "", "can_do_myself": v(), "need_help_with": v((P, "Komma till sångstunden på dagverksamheten.")) }],
  "questions": [{"id": "q-1", "author": P, "text": "Finns det personal som talar finska?", "priority": "high", "for_whom": "Solgården"},
                {"id": "q-2", "author": "rep-1", "text": "Varför kom dagverksamheten inte igång?", "priority": "medium", "for_whom": "socialtjänsten"}],
  "invitations": {"actors": [
      {"id": "a-1", "kind": "social_services", "other_label": "", "unit": "Äldreomsorgen, biståndshandläggare", "contact": ""},
      {"id": "a-2", "kind": "municipal_health", "other_label": "", "unit": "Sjuksköterska Solgården", "contact": ""},
      {"id": "a-3", "kind": "primary_care", "other_label": "", "unit": "Vårdcentralen Falköping", "contact": ""},
      {"id": "a-4", "kind": "god_man_or_ombud", "other_label": "", "unit": "", "contact": "Leif Andersson"}],
    "support_person": {"name": "Pirjo Virtanen", "contact": "072-222 33 44"}, "trusted_most": "a-2", "trusted_note": ""},
  "participation": {"modes": ["in_person"],
    "adaptations": {"interpreter": True, "interpreter_language": "finska", "sign_language": False, "aac": False, "aac_note": "",
                    "easy_language": True, "physical_access": True, "breaks": True, "other": ""},
    "wished_date": "2026-12-10", "wished_time": "10–11", "wished_place": "Solgårdens samlingsrum",
    "topics_to_avoid": v(), "pre_meeting_allowed": "yes"},
  "consents": [
    {"id": "c-1", "actor": "a-1", "decision": "permit", "information": "Beslut och genomförandeplan.", "categories": ["social_services"],
     "valid_from": "2026-03-01", "valid_to": "2027-03-01", "form": "written", "given_by": "person", "guardian_approvals": [],
     "representative_id": "", "representative_basis": "", "revoked_on": ""},
    {"id": "c-2", "actor": "a-3", "decision": "permit", "information": "Läkemedelslista.", "categories": ["health"],
     "valid_from": "2025-11-01", "valid_to": "2026-11-01", "form": "written", "given_by": "person", "guardian_approvals": [],
     "representative_id": "", "representative_basis": "", "revoked_on": ""},
    {"id": "c-3", "actor": "a-2", "decision": "permit", "information": "Allt om min hälsa.", "categories": ["health"],
     "valid_from": "2026-03-01", "valid_to": "2027-03-01", "form": "oral", "given_by": "person", "guardian_approvals": [],
     "representative_id": "", "representative_basis": "", "revoked_on": "2026-09-14"},
    {"id": "c-4", "actor": "a-2", "decision": "permit", "information": "Mediciner och fallrisk.", "categories": ["health"],
     "valid_from": "2026-09-14", "valid_to": "2027-09-14", "form": "written", "given_by": "person", "guardian_approvals": [],
     "representative_id": "", "representative_basis": "", "revoked_on": ""}],
  "evaluation": {"listened_to": 4, "understood": 3, "started_from_me": 4, "comment": "Tolken behövdes, det gick bra."}
}, "2026-03-01T10:00:00Z", "2026-11-18T14:30:00Z")

examples["narstaende-tillsammans"] = bundle({
  "kind": "new",
  "owner": {"name": "Daniel Hassan", "personal_id": pnr("19950624", "417"), "address": "Ekvägen 9, Lidköping", "phone": "070-999 88 77"},
  "representatives": [{"id": "r-1", "name": "Samira Hassan", "kind": "framtidsfullmakt", "relation": "mamma", "phone": "070-555 66 77", "personal_id": ""}],
  "contributors": [{"id": P, "name": "Daniel Hassan", "role": "person", "relation": ""},
                   {"id": "rel-1", "name": "Samira Hassan", "role": "relative", "relation": "mamma"},
                   {"id": "rel-2", "name": "Yusuf Hassan", "role": "relative", "relation": "bror"},
                   {"id": "rel-3", "name": "Lena Öberg", "role": "relative", "relation": "kontaktperson"}],
  "need_noticed": {"by": ["relative"], "other": ""},
  "goals": {"long_term": v((P, "Eget boende och ett jobb med djur."), ("rel-1", "Att Daniel får ett eget liv och att vi slipper vara samordnare."),
                           ("rel-2", "Att han får göra saker med folk i sin ålder."), ("rel-3", "Fler fasta tider i veckan.")),
            "short_term": v((P, "Praktik på stallet två dagar i veckan."), ("rel-1", "Ansöka om boende med särskild service."))},
  "situation": {"now": v((P, "Jag bor hemma hos mamma. Jag gillar inte när planer ändras."),
                         ("rel-1", "Vi ringer runt till fem olika ställen varje vecka."),
                         ("rel-2", "Han är ensam på helgerna.")),
                "works_well": v((P, "Mina lördagar med Lena."), ("rel-3", "Bildschema i mobilen.")),
                "strengths": v((P, "Jag är bra med hästar."), ("rel-2", "Daniel är ärlig och pålitlig."))},
  "needs": [{"area": "home", "other_label": "", "can_do_myself": v((P, "Städa mitt rum, tvätta.")), "need_help_with": v((P, "Handla och betala räkningar."), ("rel-1", "Ett boende med personal."))},
            {"area": "school_work", "other_label": "", "can_do_myself": v(), "need_help_with": v((P, "Hitta praktik."), ("rel-3", "Någon som följer med första veckorna."))},
            {"area": "relationships", "other_label": "", "can_do_myself": v(), "need_help_with": v(("rel-2", "Träffa andra, till exempel på en fritidsgård."))}],
  "questions": [{"id": "q-1", "author": P, "text": "Kan jag få praktik på ett stall?", "priority": "high", "for_whom": "Arbetsförmedlingen"},
                {"id": "q-2", "author": "rel-1", "text": "Vem blir huvudansvarig så att vi inte behöver ringa runt?", "priority": "high", "for_whom": "alla"},
                {"id": "q-3", "author": "rel-3", "text": "Kan lördagarna bli fler timmar?", "priority": "low", "for_whom": "LSS-handläggaren"}],
  "invitations": {"actors": [
      {"id": "a-1", "kind": "social_services", "other_label": "", "unit": "LSS-handläggare", "contact": ""},
      {"id": "a-2", "kind": "habilitation", "other_label": "", "unit": "Vuxenhabiliteringen", "contact": ""},
      {"id": "a-3", "kind": "employment_service", "other_label": "", "unit": "", "contact": ""},
      {"id": "a-4", "kind": "other", "other_label": "Daglig verksamhet Stallet", "unit": "", "contact": ""}],
    "support_person": {"name": "Lena Öberg", "contact": "073-777 66 55"}, "trusted_most": "a-2", "trusted_note": ""},
  "participation": {"modes": ["in_person", "part_of_meeting"],
    "adaptations": {"interpreter": False, "interpreter_language": "", "sign_language": False, "aac": True, "aac_note": "bildstöd",
                    "easy_language": True, "physical_access": False, "breaks": True, "other": ""},
    "wished_date": "2026-12-15", "wished_time": "", "wished_place": "", "topics_to_avoid": v(("rel-1", "Daniels pappa.")),
    "pre_meeting_allowed": "unanswered"},
  "consents": [
    {"id": "c-%d" % i, "actor": a, "decision": d, "information": info, "categories": cats,
     "valid_from": "2026-11-10", "valid_to": "2027-11-10", "form": "written", "given_by": "representative", "guardian_approvals": [],
     "representative_id": "r-1", "representative_basis": "Framtidsfullmakt i kraft sedan 2024-05-02", "revoked_on": ""}
    for i, (a, d, info, cats) in enumerate([("a-1", "permit", "Beslut om insatser.", ["social_services"]),
                                            ("a-2", "permit", "Utredningar och habiliteringsplan.", ["health"]),
                                            ("a-3", "permit", "Det som behövs för praktik.", ["work"]),
                                            ("a-4", "deny", "", [])], 1)],
  "evaluation": {"listened_to": 0, "understood": 0, "started_from_me": 0, "comment": ""}
}, "2026-11-10T16:00:00Z", "2026-11-22T21:05:00Z")

# ---- What format 1.1 added, shown in the examples ----

# Kerstin: a SIP before leaving hospital, written down after the meeting.
c = examples["vuxen-efter-sjukhusvistelse"]["content"]
c["kind"] = "discharge"
c["participation"]["wished_date"] = "2026-11-20"
c["reason"] = v((P, "Jag ska hem från sjukhuset efter stroken och behöver hjälp hemma från flera håll."),
                ("rel-1", "Kerstin är ensam hemma när jag jobbar dagtid. Vi behöver veta vem som gör vad de första veckorna."))
c["agreed"] = {
  "efforts": [
    {"what": "Hemtjänst morgon och kväll, och hjälp med dusch två gånger i veckan.", "who": "Hemtjänsten (beslut från Biståndsenheten)", "by_when": "2026-11-24"},
    {"what": "Medicinerna delas i dosett varje vecka.", "who": "Hemsjukvården Skövde", "by_when": "2026-11-24"},
    {"what": "Trygghetslarm installeras.", "who": "Biståndsenheten", "by_when": "2026-11-30"},
    {"what": "Ringer varje kväll och handlar på lördagar.", "who": "Göran", "by_when": ""}],
  "lead": "a-1", "lead_person": "Distriktssköterska Anna Berg", "follow_up_on": "2027-02-15",
  "contact": "Anna Berg, Vårdcentralen Ryd, 0500-44 12 30"}
c["evaluation"] = {"listened_to": 5, "understood": 4, "started_from_me": 4, "comment": "Bra att vi fick prata innan jag åkte hem."}

# Aino: the follow-up asks "Blev det gjort?" for what was agreed last time.
c = examples["aldre-uppfoljning"]["content"]
c["follow_up"]["agreed_efforts"] = [
  {"effort": {"what": "Dagverksamhet med finsktalande personal två dagar i veckan.", "who": "Äldreomsorgen", "by_when": "2026-05-01"},
   "done": "yes", "note": "Tisdagar och torsdagar. Det är det bästa i veckan."},
  {"effort": {"what": "Genomgång av alla mediciner.", "who": "Vårdcentralen Falköping", "by_when": "2026-04-15"},
   "done": "partly", "note": "Den gjordes, men ingen har förklarat ändringarna för mig på finska."},
  {"effort": {"what": "Besök av fysioterapeut för att träna balansen.", "who": "Sjuksköterska Solgården", "by_when": "2026-06-01"},
   "done": "no", "note": ""}]
c["reason"] = v((P, "Det har gått ett halvår och jag har ramlat två gånger sedan dess."))
c["invitations"]["actors"][0]["service"] = "hemtjanst"
c["participation"]["adaptations"].update({"hearing_loop": True, "speak_slowly": True})

# ---- The plan after the meeting in full (issue 26) ----

# Kerstin: from when, how often and where for each effort; the follow-up's time and place; the
# contacts the plan names; the long-term goal and delmål as the meeting wrote them.
c = examples["vuxen-efter-sjukhusvistelse"]["content"]
for e, (starts, often, where) in zip(c["agreed"]["efforts"], [("2026-11-21", "morgon och kväll varje dag", "hemma"),
                                                             ("2026-11-21", "en gång i veckan", "hemma"),
                                                             ("", "", "hemma"),
                                                             ("", "varje kväll och på lördagar", "")]):
    e.update({k: val for k, val in (("starts", starts), ("how_often", often), ("where", where)) if val})
c["agreed"].update({
  "follow_up_time": "13:30", "follow_up_place": "Vårdcentralen Ryd, samtalsrummet på plan 2",
  "contacts": [{"kind": "doctor", "name": "Dr Per Holm, Vårdcentralen Ryd", "reach": "0500-44 12 00"},
               {"kind": "care_contact", "name": "Hemsjukvården Skövde", "reach": "0500-49 80 00"}],
  "long_term_goal": "Kerstin bor kvar hemma och klarar vardagen med den hjälp hon behöver.",
  "sub_goals": ["Duscha själv före jul.", "Gå till affären med rollator i februari."]})

# Aino: what was agreed last time, with how often and where.
c = examples["aldre-uppfoljning"]["content"]
c["follow_up"]["agreed_efforts"][0]["effort"].update({"how_often": "tisdagar och torsdagar", "where": "Solgårdens dagverksamhet"})

# Elsa: the child's own view on the consents; BUP may share until the SIP is closed.
c = examples["barn-skolfranvaro"]["content"]
c["reason"] = v((P, "Jag har inte orkat gå i skolan sedan i somras."),
                ("c-g-1", "Skolan, BUP och socialtjänsten behöver prata med varandra, inte bara med oss var för sig."))
c["child_consent_view"] = v((P, "Skolan får veta att jag går på BUP, men inte vad jag pratar om där."))
for k in c["consents"]:
    if k["actor"] == "a-3":
        k["until_plan_ends"] = True
        k["valid_to"] = ""

# Daniel: why, in two voices, and an interpreter for his father.
c = examples["narstaende-tillsammans"]["content"]
c["reason"] = v((P, "Jag vill flytta hemifrån och ha ett jobb."),
                ("rel-1", "Vi föräldrar samordnar allt själva i dag och orkar inte längre."))
c["participation"]["adaptations"]["interpreters"] = [{"who": "rel-2", "language": "arabiska"}]

# Sara, Kerstin's daughter in Umeå: her views, written at home, for Kerstin to take in (1.1).
examples["synpunkter-fran-dotter"] = bundle({
  "kind": "contribution",
  "owner": {"name": "Kerstin Lund", "personal_id": "", "address": "", "phone": ""},
  "representatives": [],
  "contributors": [{"id": P, "name": "", "role": "person", "relation": ""},
                   {"id": "rel-5c21e0aa", "name": "Sara Lund", "role": "relative", "relation": "dotter", "attends": "yes"}],
  "need_noticed": {"by": [], "other": ""},
  "reason": v(("rel-5c21e0aa", "Mamma ska hem från sjukhuset och pappa kan inte klara allt själv.")),
  "goals": {"long_term": v(("rel-5c21e0aa", "Att mamma får vara hemma och känna sig säker, också när pappa är på jobbet.")), "short_term": []},
  "situation": {"now": v(("rel-5c21e0aa", "Hon blir snabbt trött och vill inte be om hjälp.")), "works_well": [], "strengths": []},
  "can_help": v(("rel-5c21e0aa", "Jag kan vara med på mötet via video och ringa mamma varje kväll.")),
  "needs": [],
  "questions": [{"id": "q-1", "author": "rel-5c21e0aa", "text": "Vem ringer vi om hemtjänsten inte kommer?", "priority": "none", "for_whom": ""}],
  "invitations": {"actors": [], "support_person": {"name": "", "contact": ""}, "trusted_most": "", "trusted_note": ""},
  "participation": {"modes": [], "adaptations": {"interpreter": False, "interpreter_language": "", "sign_language": False,
                    "aac": False, "aac_note": "", "easy_language": False, "physical_access": False, "breaks": False, "other": ""},
                    "wished_date": "", "wished_time": "", "wished_place": "", "topics_to_avoid": [], "pre_meeting_allowed": "unanswered"},
  "consents": [],
  "evaluation": {"listened_to": 0, "understood": 0, "started_from_me": 0, "comment": ""},
  "follow_up": {}
}, "2026-11-17T19:30:00Z", "2026-11-17T19:45:00Z")

# ---- What format 1.2 added: the consent to the SIP itself, and a consent given in another way ----

# Each one says "Jag vill ha en SIP" before who may share what; for Elsa both guardians answer too.
for name in ("vuxen-efter-sjukhusvistelse", "aldre-uppfoljning", "narstaende-tillsammans"):
    examples[name]["content"]["sip_consent"] = {"wants": "yes", "guardians": []}
examples["barn-skolfranvaro"]["content"]["sip_consent"] = {
  "wants": "yes", "guardians": [{"representative_id": g1, "date": "", "agrees": True},
                                {"representative_id": g2, "date": "", "agrees": True}]}
# Daniel uses pictures (AKK): his consent to the habilitation is given in another way.
for k in examples["narstaende-tillsammans"]["content"]["consents"]:
    if k["actor"] == "a-2":
        k["form"] = "other"

# ---- What format 1.3 added: the language the words are written in ----

# Fatima writes in Arabic (a Swedish name and a date inside her sentences); her son Ali writes in
# Swedish. She has not asked for an interpreter: the professional's view suggests asking.
examples["arabiska-forberedelse"] = bundle({
  "kind": "new",
  "written_language": "ar",
  "owner": {"name": "Fatima Hassan", "personal_id": pnr("19790314", "482"), "address": "Ystadvägen 10, 214 45 Malmö", "phone": "070-222 33 44"},
  "representatives": [],
  "contributors": [{"id": P, "name": "Fatima Hassan", "role": "person", "relation": ""},
                   {"id": "rel-1", "name": "Ali Hassan", "role": "relative", "relation": "son", "attends": "yes",
                    "written_language": "sv"}],
  "need_noticed": {"by": ["region_health"], "other": ""},
  "reason": v((P, "بعد خروجي من المستشفى في 2026-10-02 أحتاج إلى مساعدة في البيت.")),
  "goals": {"long_term": v((P, "أريد أن أعيش في بيتي وأن أتعلم اللغة السويدية."),
                           ("rel-1", "Att mamma klarar vardagen och inte känner sig ensam.")),
            "short_term": v((P, "أن أذهب إلى مركز الرعاية الصحية بمفردي."))},
  "situation": {"now": v((P, "أنا متعبة كثيراً منذ العملية. الممرضة Eva Berg تزورني مرة في الأسبوع.")),
                "works_well": v((P, "أطبخ الطعام بنفسي.")),
                "strengths": v((P, "لدي عائلة تدعمني."))},
  "needs": [{"area": "health", "other_label": "", "can_do_myself": v((P, "أتناول الأدوية في الوقت المحدد.")),
             "need_help_with": v((P, "أحتاج إلى من يشرح لي الأدوية."))}],
  "questions": [
    {"id": "q-1", "author": P, "text": "من أتصل به إذا ساءت حالتي في عطلة نهاية الأسبوع؟", "priority": "high", "for_whom": "مركز الرعاية الصحية"},
    {"id": "q-2", "author": "rel-1", "text": "Vem hjälper mamma med medicinerna när jag är bortrest?", "priority": "none", "for_whom": "hemsjukvården"}],
  "invitations": {"actors": [
      {"id": "a-1", "kind": "primary_care", "other_label": "", "unit": "Vårdcentralen Rosengård", "contact": "Sjuksköterska Eva Berg, 040-12 34 56"},
      {"id": "a-2", "kind": "municipal_health", "other_label": "", "unit": "Hemsjukvården Malmö", "contact": ""}],
    "support_person": {"name": "Ali Hassan", "contact": "073-555 66 77"},
    "trusted_most": "a-1", "trusted_note": ""},
  "participation": {"modes": ["in_person"],
    "adaptations": {"interpreter": False, "interpreter_language": "", "speak_slowly": True, "sign_language": False, "aac": False,
                    "aac_note": "", "easy_language": False, "physical_access": False, "breaks": True, "other": ""},
    "wished_date": "2026-12-10", "wished_time": "", "wished_place": "", "topics_to_avoid": [], "pre_meeting_allowed": "unanswered"},
  "consents": [
    {"id": "c-1", "actor": "a-2", "decision": "permit", "information": "معلومات عن صحتي وأدويتي.", "categories": ["health"],
     "valid_from": "2026-11-25", "valid_to": "2027-11-25", "form": "written", "given_by": "person", "guardian_approvals": [],
     "representative_id": "", "representative_basis": "", "revoked_on": ""}],
  "sip_consent": {"wants": "yes", "guardians": []},
  "evaluation": {"listened_to": 0, "understood": 0, "started_from_me": 0, "comment": ""},
  "follow_up": {}
}, "2026-11-25T17:05:00Z", "2026-11-26T10:20:00Z", language="ar")

os.makedirs("assets/examples", exist_ok=True)
for name, b in examples.items():
    with open(f"assets/examples/{name}.json", "w") as f:
        json.dump(b, f, ensure_ascii=False, indent=2)
print("\n".join(examples))
