/**
 * Well-known Unix command names, used to tell a `# command` root prompt from a `# comment` line and plain
 * commands from program output. Deliberately excludes words that are also common English words at the start
 * of a comment or an output line (`time`,
 * `import`, `test`, `which`…); see ambiguousCommand for the ones that stay.
 */
const COMMANDS = new Set(
  `apt apt-get apt-cache aptitude dpkg dpkg-reconfigure yum dnf rpm zypper pacman apk brew port snap pip pip3
  npm npx yarn gem bundle cargo go composer cpan
  ls cd pwd cat tac less more head tail cp mv rm mkdir rmdir ln touch chmod chown chgrp stat file find locate
  updatedb du df mount umount fdisk parted mkfs mkswap swapon swapoff blkid lsblk fsck tune2fs resize2fs lvcreate
  lvextend lvdisplay pvcreate pvdisplay vgcreate vgdisplay mdadm dd sync tar gzip gunzip bzip2 bunzip2 xz unxz
  zip unzip 7z rsync scp sftp ssh ssh-keygen ssh-copy-id ssh-add ssh-agent
  grep egrep fgrep zgrep sed awk gawk cut sort uniq wc tr tee xargs diff patch cmp comm paste join split column
  echo printf env export unset alias source exec nohup watch sleep yes seq date cal
  ps top htop atop kill killall pkill pgrep nice renice jobs bg fg disown uptime free vmstat iostat mpstat sar pidstat
  lsof strace ltrace gdb perf dmesg journalctl systemctl service chkconfig update-rc.d initctl telinit shutdown
  reboot halt poweroff crontab at
  ifconfig ip route netstat ss ping ping6 traceroute tracepath mtr nslookup dig host whois curl wget nc ncat netcat
  telnet tcpdump tshark nmap iptables ip6tables nft ufw firewall-cmd arp ethtool iwconfig hostname hostnamectl
  useradd userdel usermod groupadd passwd chpasswd su sudo visudo id whoami who w last groups
  vi vim nano emacs ed
  uname lscpu lspci lsusb lsmod modprobe insmod rmmod sysctl ulimit
  openssl gpg md5sum sha1sum sha256sum base64 xxd hexdump od strings
  mysql mysqldump mysqladmin psql pg_dump pg_restore redis-cli mongo mongosh sqlite3 memcached
  git svn hg docker docker-compose podman kubectl helm terraform ansible ansible-playbook vagrant virsh
  xm xl qemu-img nova swift glance openstack aws gcloud az
  gluster glusterfs glusterfsd glusterd glusterfs-volgen drbdadm
  python python3 perl ruby node php java javac gcc cc make cmake
  bash sh zsh screen tmux history clear man info
  nginx apachectl apache2ctl httpd a2enmod a2ensite certbot haproxy
  launchctl defaults diskutil hdiutil tmutil softwareupdate sw_vers pbcopy pbpaste open networksetup scutil
  chroot cryptsetup setenforce getenforce restorecon chcon ab siege iperf iperf3`.split(/\s+/),
);

/**
 * Command names that are also everyday English words: they count as a command only with shell-like arguments
 * (`host -t mx example.com`), never in a sentence (`# host names go below`).
 */
const ENGLISH_WORDS = new Set(
  'at cat cut date diff du echo ed file find free head history host id info join last less man more open passwd paste patch ps screen see sort source split su tail touch w watch who yes sleep clear kill top make export host alias'.split(' '),
);

/** True when a command name is also an everyday English word. */
export function ambiguousCommand(word: string): boolean {
  return ENGLISH_WORDS.has(word);
}

/** True when word is a well-known Unix command name. */
export function knownCommand(word: string): boolean {
  return COMMANDS.has(word);
}
