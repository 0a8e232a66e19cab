#!/usr/bin/env zsh
# zsh_complete.zsh FPATH_DIR DUMP WORDS...  — what zsh's completion offers for the command line
# "WORDS<Tab>", one match per line ("match -- description"), from a real interactive zsh in
# a pseudo-terminal with compinit (its dump file DUMP; after zsh-capture-completion by Valodim): compadd is
# wrapped to print what it would add.
zmodload zsh/zpty || exit 2
dir=$1 dump=$2
shift 2
zpty z zsh -f -i
local line
setopt rcquotes
() {
  zpty -w z source $1
  repeat 8; do
    zpty -r z line
    [[ $line == ok* ]] && return
  done
  echo 'zsh_complete: zsh did not start' >&2
  exit 2
} =( <<< "
PROMPT=
fpath=(${(q)dir} \$fpath)
autoload -Uz compinit
compinit -u -d ${(q)dump}
"'
bindkey ''^M'' undefined
bindkey ''^J'' undefined
bindkey ''^I'' complete-word
null-line () { echo -E - $''\0'' }
compprefuncs=( null-line )
comppostfuncs=( null-line exit )
zstyle '':completion:*'' list-grouped false
zstyle '':completion:*'' insert-tab false
zstyle '':completion:*'' list-separator ''''
zmodload zsh/zutil
compadd () {
  if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then
    builtin compadd "$@"
    return $?
  fi
  typeset -a __hits __dscr __tmp
  if (( $@[(I)-d] )); then
    __tmp=${@[$[${@[(i)-d]}+1]]}
    if [[ $__tmp == \(* ]]; then
      eval "__dscr=$__tmp"
    else
      __dscr=( "${(@P)__tmp}" )
    fi
  fi
  builtin compadd -A __hits -D __dscr "$@"
  setopt localoptions norcexpandparam extendedglob
  typeset -A apre hpre hsuf asuf
  zparseopts -E P:=apre p:=hpre S:=asuf s:=hsuf
  [[ -n $__hits ]] || return
  local dscr
  for i in {1..$#__hits}; do
    (( $#__dscr >= $i )) && dscr=" -- ${${__dscr[$i]}##$__hits[$i] #}" || dscr=
    echo -E - $IPREFIX$apre$hpre$__hits[$i]$hsuf$asuf$dscr
  done
}
echo ok')
zpty -w z "$*"$'\t'
integer tog=0
while zpty -r z; do :; done | while IFS= read -r line; do
  if [[ $line == *$'\0\r' ]]; then
    (( tog++ )) && return 0 || continue
  fi
  (( tog )) && echo -E - $line
done
return 2
