'use strict';
document.getElementById('join-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const code = document.getElementById('room-code').value.trim().toUpperCase();
  location.href = '/play?room=' + encodeURIComponent(code);
});
