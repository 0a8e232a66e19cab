#!/usr/bin/env bash
# A handbook in the text form with N numbered actions in 5 units: durations on every action,
# and after every tenth a condition whose no-branch is a refusal — the shape of the seeds,
# N times over. Usage: bench/generate_text.sh N > handbook.syzba
set -euo pipefail
n=${1:?usage: generate_text.sh N}
awk -v n="$n" 'BEGIN {
  print "id: generated"
  print "қызмет: Жасалған анықтамалық (" n " әрекет)"
  print "мерзім: " n " жұмыс күні"
  print "процесс handbook: Анықтамалық"
  for (u = 1; u <= 5; u++) print "  бөлімше u" u ": Бөлімше " u
  print "  басталуы start: Өтініш\n    орындаушы: u1\n    келесі: a1"
  for (i = 1; i <= n; i++) {
    next_step = (i == n) ? "done" : (i % 10 == 0) ? "c" i : "a" (i + 1)
    print "  әрекет a" i ": " i "-әрекет: құжаттарды тексеру және келесі бөлімшеге жолдау"
    print "    орындаушы: u" ((int((i - 1) / 3) % 5) + 1)
    print "    ұзақтығы: " (i % 3 == 0 ? "15 (он бес) минут" : "1 жұмыс күні")
    print "    келесі: " next_step
    if (i % 10 == 0 && i < n) {
      print "  шарт c" i ": " i "-тексеру: талаптарға сәйкес пе?"
      print "    орындаушы: u" ((int((i - 1) / 3) % 5) + 1)
      print "    иә: a" (i + 1)
      print "    жоқ: r" i
      print "  бас тарту r" i ": Бас тарту"
      print "    орындаушы: u1"
    }
  }
  print "  аяқталуы done: Нәтиже берілді\n    орындаушы: u1"
}'
